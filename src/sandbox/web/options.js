// @ts-check
/**
 * A slash command's options as fields in the composer: inputs and selects, hints, the bot's own
 * autocomplete, and the values to send.
 */
import { post, showError } from './api.js';
import { $, h, setChildren } from './dom.js';
import { hidePopup, moveActive, pickSuggestion, popup, showPopup } from './popup.js';
import { currentUser, store } from './state.js';

/** @typedef {import('./types.js').Command} Command */
/** @typedef {import('./types.js').CommandOption} CommandOption */
/** @typedef {HTMLInputElement | HTMLSelectElement} OptionInput */
/** @typedef {{ send: () => void, cancel: () => void }} CommandActions what Enter and Esc do in a field */

const OPTION = { STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, NUMBER: 10, ATTACHMENT: 11 };
const AUTOCOMPLETE_DELAY_MS = 120;

/** The composer: a plain message, or a command with its options. */
export const composer = {
  /** The picked command (then its options are shown as fields), or null. @type {Command | null} */
  command: null,
  /** option name → its input or select. @type {Map<string, OptionInput>} */
  inputs: new Map(),
  /** option name → the autocomplete choice picked for it. @type {Map<string, { name: string, value: string | number }>} */
  picked: new Map(),
  sending: false,
};

/**
 * @param {CommandOption} option
 * @param {CommandActions} actions
 */
export function optionField(option, actions) {
  const input = optionInput(option);
  input.dataset.option = option.name;
  composer.inputs.set(option.name, input);
  input.dataset.testid = `command-option-${option.name}`;
  input.setAttribute(
    'aria-label',
    `${option.name}${option.required ? '' : ' (optional)'}: ${option.description}`,
  );
  input.addEventListener('focus', () => {
    showOptionHint(option);
    if (option.autocomplete) void requestAutocomplete(option, input);
  });
  input.addEventListener('blur', () => {
    if (popup.owner === input) hidePopup();
    showOptionHint(null);
  });
  input.addEventListener('keydown', (e) => {
    onOptionKey(/** @type {KeyboardEvent} */ (e), input, actions);
  });
  if (input instanceof HTMLInputElement) {
    input.addEventListener('input', () => {
      composer.picked.delete(option.name); // typing replaces a picked choice
      fitInput(input);
      if (option.autocomplete) scheduleAutocomplete(option, input);
    });
    fitInput(input);
  }
  return h(
    'label',
    { class: `option-pill${option.required ? ' required' : ' optional'}` },
    h('span', { class: 'option-name' }, option.name),
    input,
  );
}

/**
 * @param {CommandOption} option
 * @returns {OptionInput}
 */
function optionInput(option) {
  /** @param {[string, string][]} entries */
  const select = (entries) =>
    h(
      'select',
      { class: 'option-input' },
      h('option', { value: '' }, option.required ? 'Choose…' : '—'),
      entries.map(([value, label]) => h('option', { value }, label)),
    );
  if (option.choices?.length) return select(option.choices.map((c) => [String(c.value), c.name]));
  switch (option.type) {
    case OPTION.BOOLEAN:
      return select([
        ['true', 'True'],
        ['false', 'False'],
      ]);
    case OPTION.USER:
      return select((store.state?.users ?? []).map((u) => [u.id, u.name]));
    case OPTION.CHANNEL:
      return select((store.state?.channels ?? []).map((c) => [c.id, c.name]));
    case OPTION.ATTACHMENT:
      // Discord's file picker: any file; the bot says what it takes.
      return h('input', { class: 'option-input option-file', type: 'file' });
    case OPTION.INTEGER:
    case OPTION.NUMBER:
      return h('input', {
        class: 'option-input',
        type: 'number',
        step: option.type === OPTION.INTEGER ? '1' : 'any',
        min: option.min_value,
        max: option.max_value,
        placeholder: option.required ? '' : 'optional',
      });
    default:
      return h('input', {
        class: 'option-input',
        type: 'text',
        maxlength: option.max_length,
        placeholder: option.required ? '' : 'optional',
        spellcheck: 'false',
      });
  }
}

/**
 * Text inputs grow with what is typed.
 * @param {HTMLInputElement} input
 */
export function fitInput(input) {
  input.size = Math.max(input.placeholder.length || 6, Math.min(input.value.length + 1, 60));
}

/** @param {CommandOption | null} option */
export function showOptionHint(option) {
  const el = $('option-hint');
  const command = composer.command;
  if (!command) {
    el.hidden = true;
    return;
  }
  setChildren(
    el,
    option
      ? [h('strong', {}, option.name), option.required ? '' : ' (optional)', ` — ${option.description}`]
      : [h('strong', {}, `/${command.name}`), ` — ${command.description}`],
    h('span', { class: 'option-keys' }, 'Enter to send · Esc to cancel'),
  );
  el.hidden = false;
}

/**
 * @param {KeyboardEvent} e
 * @param {OptionInput} input
 * @param {CommandActions} actions
 */
function onOptionKey(e, input, actions) {
  const open = popup.owner === input && popup.kind === 'choices';
  if (e.key === 'ArrowDown' && open) {
    e.preventDefault();
    moveActive(1);
  } else if (e.key === 'ArrowUp' && open) {
    e.preventDefault();
    moveActive(-1);
  } else if (e.key === 'Tab' && open && popup.items.length > 0) {
    e.preventDefault();
    pickSuggestion(popup.active >= 0 ? popup.active : 0);
  } else if (e.key === 'Enter') {
    e.preventDefault();
    if (open && popup.active >= 0) pickSuggestion(popup.active);
    else actions.send();
  } else if (e.key === 'Escape') {
    // One Esc cancels the whole command (the suggestions of an autocomplete field are nearly always open).
    e.preventDefault();
    actions.cancel();
  }
}

// Autocomplete

/** @type {ReturnType<typeof setTimeout> | undefined} */
let autocompleteTimer;
let autocompleteSeq = 0;

/**
 * @param {CommandOption} option
 * @param {OptionInput} input
 */
function scheduleAutocomplete(option, input) {
  clearTimeout(autocompleteTimer);
  autocompleteTimer = setTimeout(() => void requestAutocomplete(option, input), AUTOCOMPLETE_DELAY_MS);
}

/** Stops any pending or running request from showing its choices. */
export function cancelAutocomplete() {
  clearTimeout(autocompleteTimer);
  autocompleteSeq++;
}

/**
 * @param {CommandOption} option
 * @param {OptionInput} input
 */
async function requestAutocomplete(option, input) {
  clearTimeout(autocompleteTimer);
  const seq = ++autocompleteSeq;
  const command = composer.command;
  // Discord hides teacher commands from students, so they never get suggestions; sending says why.
  if (!command || (command.teacherOnly && !currentUser()?.teacher)) return;
  const options = collectOptions().values;
  options[option.name] = input.value; // the focused option is always the text typed so far
  const result = await post('/api/autocomplete', {
    user: store.user,
    channel: store.channel,
    name: command.name,
    focused: option.name,
    options,
  });
  if (seq !== autocompleteSeq || composer.command !== command || document.activeElement !== input) return;
  if (!result.ok) {
    showError(result.error);
    return;
  }
  const answer = /** @type {{ choices?: { name: string, value: string | number }[] }} */ (result.data);
  const choices = answer.choices ?? [];
  showPopup(
    'choices',
    choices.map((c) => ({
      value: String(c.value),
      render: () => c.name,
      pick: () => {
        pickChoice(option, c);
      },
    })),
    {
      owner: input,
      title: option.name,
      empty: 'No suggestions. You can still send what you typed.',
    },
  );
}

/**
 * A picked choice shows its name; its value is what gets sent.
 * @param {CommandOption} option
 * @param {{ name: string, value: string | number }} choice
 */
function pickChoice(option, choice) {
  const input = composer.inputs.get(option.name);
  if (!input) return;
  composer.picked.set(option.name, { name: choice.name, value: choice.value });
  input.value = choice.name;
  if (input instanceof HTMLInputElement) fitInput(input);
  cancelAutocomplete();
  // Move on to the next empty text field, as Discord does.
  const fields = [...composer.inputs.values()];
  const next = fields.slice(fields.indexOf(input) + 1).find((f) => f.tagName === 'INPUT' && f.value === '');
  (next ?? input).focus();
}

/**
 * The option values to send (empty ones are left out), the files picked for attachment options, and
 * the first required option missing.
 */
export function collectOptions() {
  /** @type {Record<string, string | number | boolean>} */
  const values = {};
  /** @type {Record<string, File>} */
  const files = {};
  /** @type {{ option: CommandOption, input: OptionInput } | null} */
  let missing = null;
  for (const option of composer.command?.options ?? []) {
    const input = composer.inputs.get(option.name);
    if (!input) continue;
    if (option.type === OPTION.ATTACHMENT) {
      const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
      if (file) files[option.name] = file;
      else if (option.required && !missing) missing = { option, input };
      continue;
    }
    const picked = composer.picked.get(option.name);
    /** @type {string | number | boolean} */
    let value = picked && picked.name === input.value ? picked.value : input.value.trim();
    if (value === '') {
      if (option.required && !missing) missing = { option, input };
      continue;
    }
    if (option.type === OPTION.BOOLEAN) value = value === 'true';
    else if ((option.type === OPTION.INTEGER || option.type === OPTION.NUMBER) && typeof value === 'string')
      value = Number(value);
    else if (option.choices?.length)
      value = option.choices.find((c) => String(c.value) === value)?.value ?? value;
    values[option.name] = value;
  }
  return { values, files, missing };
}

/**
 * A picked file as the sandbox takes it: its name, its type as the browser tells it, its bytes in base64.
 * @param {File} file
 * @returns {Promise<{ filename: string, contentType: string, base64: string }>}
 */
export function fileUpload(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve({ filename: file.name, contentType: file.type, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => {
      reject(new Error(`Could not read ${file.name}.`));
    };
    reader.readAsDataURL(file);
  });
}
