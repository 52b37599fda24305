// @ts-check
/**
 * A string select menu on a message, as Discord's client shows it: a box with the placeholder (or
 * what is picked), opening a list of options. With one pick allowed, choosing sends it at once; with
 * several, the choice is sent when the list closes, if it holds between min_values and max_values.
 */
import { clearError, post, refresh, showError } from './api.js';
import { h, icon } from './dom.js';
import { store } from './state.js';

/** @typedef {import('./types.js').Message} Message */
/** @typedef {import('discord-api-types/v10').APIStringSelectComponent} StringSelect */

/**
 * @param {Message} m
 * @param {StringSelect} select
 */
export function renderSelect(m, select) {
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  const defaults = select.options.filter((o) => o.default).map((o) => o.value);
  /** The picks while the list is open (each opening starts from the message's defaults). */
  let picked = new Set(defaults);
  const summary = h('span', { class: 'select-summary' });
  const showSummary = (/** @type {readonly string[]} */ values) => {
    const labels = select.options.filter((o) => values.includes(o.value)).map((o) => o.label);
    summary.textContent = labels.length > 0 ? labels.join(', ') : (select.placeholder ?? 'Make a selection');
    summary.classList.toggle('placeholder', labels.length === 0);
  };
  showSummary(defaults);
  const box = h(
    'button',
    {
      type: 'button',
      class: 'select-box',
      disabled: !!select.disabled,
      'aria-haspopup': 'listbox',
      'aria-expanded': 'false',
      'data-testid': `select-${select.custom_id}`,
    },
    summary,
    icon('chevron', 16),
  );
  const list = h('div', {
    class: 'select-list',
    role: 'listbox',
    'aria-multiselectable': max > 1 ? 'true' : null,
    hidden: true,
  });
  const el = h('div', { class: 'select-menu' }, box, list);

  const close = (/** @type {boolean} */ send) => {
    if (list.hidden) return;
    list.hidden = true;
    box.setAttribute('aria-expanded', 'false');
    document.removeEventListener('mousedown', onOutside);
    const values = [...picked];
    const changed = values.length !== defaults.length || values.some((v) => !defaults.includes(v));
    if (send && changed && values.length >= min && values.length <= max) void choose(m, select, values, box);
    else showSummary(defaults);
  };
  const onOutside = (/** @type {MouseEvent} */ e) => {
    if (!(e.target instanceof Node) || !el.contains(e.target)) close(max > 1);
  };
  const renderOptions = () => {
    list.replaceChildren(
      ...select.options.map((o) =>
        optionButton(o, picked.has(o.value), max > 1, () => {
          if (max === 1) {
            picked = new Set([o.value]);
            close(true);
            return;
          }
          if (picked.has(o.value)) picked.delete(o.value);
          else if (picked.size < max) picked.add(o.value);
          showSummary([...picked]);
          renderOptions();
        }),
      ),
    );
  };
  box.addEventListener('click', () => {
    if (!list.hidden) {
      close(max > 1);
      return;
    }
    picked = new Set(defaults);
    renderOptions();
    list.hidden = false;
    box.setAttribute('aria-expanded', 'true');
    document.addEventListener('mousedown', onOutside);
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close(false);
  });
  return el;
}

/**
 * One option of the open list.
 * @param {StringSelect['options'][number]} o
 * @param {boolean} on picked
 * @param {boolean} multi several may be picked (a check box is shown)
 * @param {() => void} onPick
 */
function optionButton(o, on, multi, onPick) {
  return h(
    'button',
    {
      type: 'button',
      class: `select-option${on ? ' selected' : ''}`,
      role: 'option',
      'aria-selected': on ? 'true' : 'false',
      'data-testid': 'select-option',
      'data-value': o.value,
      onclick: onPick,
    },
    o.emoji?.name ? h('span', { class: 'select-emoji' }, o.emoji.name) : null,
    h(
      'span',
      { class: 'select-text' },
      h('span', { class: 'select-label' }, o.label),
      o.description ? h('span', { class: 'select-description' }, o.description) : null,
    ),
    h('span', { class: `select-check${multi ? ' multi' : ''}` }, on ? icon('check', 14) : null),
  );
}

/**
 * @param {Message} m
 * @param {StringSelect} select
 * @param {string[]} values
 * @param {HTMLButtonElement} box
 */
async function choose(m, select, values, box) {
  box.disabled = true;
  box.classList.add('pending');
  clearError();
  const result = await post('/api/select', {
    user: store.user,
    messageId: m.id,
    customId: select.custom_id,
    values,
  });
  box.disabled = !!select.disabled;
  box.classList.remove('pending');
  if (!result.ok) showError(result.error);
  else void refresh();
}
