// @ts-check
/**
 * The modal the bot showed the acting member (a form over the page, as Discord's client shows it):
 * its title and text inputs (short or paragraph, labels, placeholders, required, lengths, a value to
 * start from). Submit sends the modal submit interaction; Cancel (or Escape) closes it, and the bot
 * is told nothing, as on Discord. What the member typed survives the page's refreshes.
 */
import { post, refresh } from './api.js';
import { $, h, icon } from './dom.js';
import { shown, store } from './state.js';

/** @typedef {import('./types.js').PageModal} PageModal */
/** @typedef {import('./types.js').ModalInput} ModalInput */

/** The interaction whose modal is on screen (and the member it was shown to), or '' when none is. */
let shownKey = '';

export function renderModal() {
  const modal = shown().modal;
  const key = modal ? `${store.user}:${modal.interactionId}` : '';
  if (key === shownKey) return;
  shownKey = key;
  const root = $('modal-root');
  if (!modal) {
    root.replaceChildren();
    root.hidden = true;
    return;
  }
  root.replaceChildren(modalForm(modal));
  root.hidden = false;
  const first = root.querySelector('input, textarea');
  if (first instanceof HTMLElement) first.focus();
}

/** @param {ModalInput} input */
function field(input) {
  const id = `modal-input-${input.customId}`;
  const attrs = {
    id,
    name: input.customId,
    class: 'modal-input',
    'data-testid': `modal-input-${input.customId}`,
    placeholder: input.placeholder,
    required: input.required,
    minlength: input.minLength > 0 ? input.minLength : null,
    maxlength: input.maxLength,
  };
  const control =
    input.style === 2 ? h('textarea', { ...attrs, rows: 4 }) : h('input', { ...attrs, type: 'text' });
  control.value = input.value;
  return h(
    'div',
    { class: 'modal-field' },
    h(
      'label',
      { class: 'modal-label', for: id },
      input.label,
      input.required ? h('span', { class: 'modal-required', 'aria-hidden': 'true' }, ' *') : null,
    ),
    input.description ? h('div', { class: 'modal-description' }, input.description) : null,
    control,
  );
}

/** @param {PageModal} modal */
function modalForm(modal) {
  const error = h('div', { class: 'modal-error', role: 'alert', 'data-testid': 'modal-error', hidden: true });
  const form = h(
    'form',
    {
      class: 'modal',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'modal-title',
      'data-testid': 'modal',
    },
    h(
      'header',
      { class: 'modal-header' },
      h('h2', { class: 'modal-title', id: 'modal-title' }, modal.title),
      h(
        'button',
        {
          type: 'button',
          class: 'icon-button',
          'aria-label': 'Close',
          onclick: () => void cancel(),
        },
        icon('close', 18),
      ),
    ),
    h('div', { class: 'modal-body' }, modal.inputs.map(field), error),
    h(
      'footer',
      { class: 'modal-footer' },
      h(
        'button',
        { type: 'button', class: 'link-button', 'data-testid': 'modal-cancel', onclick: () => void cancel() },
        'Cancel',
      ),
      h('button', { type: 'submit', class: 'button primary', 'data-testid': 'modal-submit' }, 'Submit'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(modal, form, error);
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') void cancel();
  });
  return form;
}

/**
 * @param {PageModal} modal
 * @param {HTMLFormElement} form
 * @param {HTMLElement} error
 */
async function submit(modal, form, error) {
  /** @type {Record<string, string>} */
  const fields = {};
  for (const input of modal.inputs) {
    const control = form.elements.namedItem(input.customId);
    if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)
      fields[input.customId] = control.value;
  }
  const button = form.querySelector('button[type="submit"]');
  if (button instanceof HTMLButtonElement) button.disabled = true;
  const result = await post('/api/modal', { user: store.user, interactionId: modal.interactionId, fields });
  if (button instanceof HTMLButtonElement) button.disabled = false;
  if (!result.ok) {
    error.textContent = result.error;
    error.hidden = false;
    return;
  }
  close();
  void refresh();
}

async function cancel() {
  close();
  await post('/api/modal/close', { user: store.user });
  void refresh();
}

/** Takes the form off the screen at once (the next state confirms it is closed). */
function close() {
  const root = $('modal-root');
  root.replaceChildren();
  root.hidden = true;
}
