// @ts-check
/** The popup above the composer: the commands, or the choices of an option. Keys and clicks pick an item. */
import { $, h, setChildren } from './dom.js';

/** @typedef {import('./dom.js').Child} Child */
/** @typedef {import('./types.js').Command} Command */
/**
 * @typedef {object} PopupItem
 * @property {string} value
 * @property {() => Child} render
 * @property {() => void} pick what picking it does
 * @property {Command} [command] the command it stands for, in the command list
 */

/** The popup's items and the input it belongs to. */
export const popup = {
  /** @type {'commands' | 'choices' | null} */
  kind: null,
  /** @type {PopupItem[]} */
  items: [],
  active: -1,
  /** The input the popup belongs to. @type {HTMLElement | null} */
  owner: null,
};

/**
 * @param {'commands' | 'choices'} kind
 * @param {PopupItem[]} items
 * @param {{ owner: HTMLElement, title: string, active?: number, empty: string }} how
 */
export function showPopup(kind, items, { owner, title, active = -1, empty }) {
  popup.kind = kind;
  popup.items = items;
  popup.owner = owner;
  popup.active = items.length > 0 ? active : -1;
  const el = $('suggestions');
  setChildren(el, [
    h('div', { class: 'popup-title' }, title),
    items.length === 0 ? h('div', { class: 'popup-empty' }, empty) : null,
    items.map((item, index) =>
      h(
        'div',
        {
          id: `suggestion-${index}`,
          class: 'popup-item',
          role: 'option',
          'data-testid': 'suggestion',
          'data-value': item.value,
          'aria-selected': index === popup.active ? 'true' : 'false',
          onclick: () => {
            pickSuggestion(index);
          },
          onmousemove: () => {
            setActive(index, false);
          },
        },
        item.render(),
      ),
    ),
  ]);
  el.hidden = false;
  owner.setAttribute('aria-expanded', 'true');
  setActive(popup.active, true);
}

export function hidePopup() {
  if (popup.owner) {
    popup.owner.setAttribute('aria-expanded', 'false');
    popup.owner.removeAttribute('aria-activedescendant');
  }
  popup.kind = null;
  popup.items = [];
  popup.active = -1;
  popup.owner = null;
  $('suggestions').hidden = true;
  $('suggestions').replaceChildren();
}

/**
 * @param {number} index
 * @param {boolean} scroll
 */
function setActive(index, scroll) {
  popup.active = index;
  const items = $('suggestions').querySelectorAll('.popup-item');
  items.forEach((el, k) => {
    el.setAttribute('aria-selected', k === index ? 'true' : 'false');
  });
  if (index >= 0) {
    popup.owner?.setAttribute('aria-activedescendant', `suggestion-${index}`);
    if (scroll) items[index]?.scrollIntoView({ block: 'nearest' });
  } else {
    popup.owner?.removeAttribute('aria-activedescendant');
  }
}

/** @param {number} delta */
export function moveActive(delta) {
  const n = popup.items.length;
  if (n === 0) return;
  const from = popup.active < 0 ? (delta > 0 ? -1 : n) : popup.active;
  setActive((from + delta + n) % n, true);
}

/** @param {number} index */
export function pickSuggestion(index) {
  const item = popup.items[index];
  if (!item) return;
  hidePopup();
  item.pick();
}
