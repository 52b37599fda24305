// @ts-check
/**
 * The composer: plain messages, and slash commands picked from a list ("/" or "/name "), whose
 * options become fields (options.js). Sends through the local API.
 */
import { clearError, post, refresh, showError } from './api.js';
import { $, h, icon, setChildren } from './dom.js';
import {
  cancelAutocomplete,
  collectOptions,
  composer,
  fileUpload,
  fitInput,
  optionField,
  showOptionHint,
} from './options.js';
import { hidePopup, moveActive, pickSuggestion, popup, showPopup } from './popup.js';
import { channelById, isThread, store } from './state.js';

/** @typedef {import('./types.js').Command} Command */

const composerInput = () => $('composer', HTMLTextAreaElement);
const sendButton = () => $('send', HTMLButtonElement);

function commands() {
  return store.state?.commands ?? [];
}

export function renderComposerPlaceholder() {
  const channel = channelById(store.channel);
  const textarea = composerInput();
  if (composer.command) {
    textarea.placeholder = composer.command.options.length
      ? ''
      : `Press Enter to send /${composer.command.name}`;
  } else {
    textarea.placeholder = `Message ${isThread(channel) ? '' : '#'}${channel?.name ?? ''}`;
  }
}

/** @param {HTMLTextAreaElement} textarea */
function autosize(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${Math.min(textarea.scrollHeight, 240)}px`;
}

/** @param {string} typed */
function commandMatches(typed) {
  const q = typed.toLowerCase();
  const all = commands();
  return [
    ...all.filter((c) => c.name.startsWith(q)),
    ...all.filter((c) => !c.name.startsWith(q) && c.name.includes(q)),
  ];
}

/** @param {string} typed */
function showCommands(typed) {
  const textarea = composerInput();
  const items = commandMatches(typed).map((command) => ({
    value: command.name,
    command,
    pick: () => {
      pickCommand(command);
    },
    render: () => [
      h('span', { class: 'popup-slash' }, icon('slash', 16)),
      h('span', { class: 'popup-name' }, `/${command.name}`),
      command.teacherOnly
        ? h(
            'span',
            { class: 'popup-lock', title: 'Teachers only' },
            icon('lock', 14),
            h('span', { class: 'visually-hidden' }, ' (teachers only)'),
          )
        : null,
      h('span', { class: 'popup-description' }, command.description),
    ],
  }));
  showPopup('commands', items, {
    owner: textarea,
    title: 'Commands',
    active: 0,
    empty: 'No command matches.',
  });
}

/**
 * Switches the composer to a command: its options become fields.
 * @param {Command} command
 */
function pickCommand(command, rest = '') {
  const textarea = composerInput();
  composer.command = command;
  composer.picked.clear();
  composer.inputs.clear();
  textarea.value = '';
  autosize(textarea);
  clearError();
  const fields = $('command-fields');
  const options = command.options;
  setChildren(
    fields,
    h(
      'span',
      { class: 'command-chip' },
      `/${command.name}`,
      command.teacherOnly ? icon('lock', 12) : null,
      h(
        'button',
        {
          type: 'button',
          class: 'icon-button chip-close',
          'aria-label': 'Cancel command (Esc)',
          onclick: cancelCommand,
        },
        icon('close', 12),
      ),
    ),
    options.map((option) => optionField(option, { send: () => void sendCommand(), cancel: cancelCommand })),
  );
  fields.hidden = false;
  $('composer-box').classList.add('command-mode');
  textarea.classList.toggle('hidden-input', options.length > 0);
  textarea.readOnly = true;
  textarea.removeAttribute('maxlength');
  renderComposerPlaceholder();
  showOptionHint(null);
  const first = composer.inputs.values().next().value;
  if (first) {
    // Text typed after "/quote " goes into the first option.
    if (rest && first instanceof HTMLInputElement && first.type !== 'file') {
      first.value = rest;
      fitInput(first);
    }
    first.focus();
    if (rest && first instanceof HTMLInputElement && first.type !== 'file')
      first.setSelectionRange(rest.length, rest.length);
  } else {
    textarea.focus();
  }
}

function cancelCommand() {
  const textarea = composerInput();
  cancelAutocomplete();
  hidePopup();
  composer.command = null;
  composer.picked.clear();
  composer.inputs.clear();
  $('command-fields').hidden = true;
  $('command-fields').replaceChildren();
  $('composer-box').classList.remove('command-mode');
  textarea.classList.remove('hidden-input');
  textarea.readOnly = false;
  showOptionHint(null);
  renderComposerPlaceholder();
  textarea.focus();
}

async function sendCommand() {
  const command = composer.command;
  if (!command || composer.sending) return;
  cancelAutocomplete();
  hidePopup();
  const { values, files, missing } = collectOptions();
  if (missing) {
    showError(`Fill in ${missing.option.name}: ${missing.option.description}`);
    missing.input.focus();
    return;
  }
  /** @type {Record<string, unknown>} */
  const options = { ...values };
  try {
    for (const [name, file] of Object.entries(files)) options[name] = await fileUpload(file);
  } catch (e) {
    showError(e instanceof Error ? e.message : 'Could not read the file.');
    return;
  }
  const body = { user: store.user, channel: store.channel, name: command.name, options };
  if (!(await postFromComposer('/api/command', body))) return;
  if (composer.command === command) cancelCommand();
  void refresh();
}

async function sendText() {
  const textarea = composerInput();
  const text = textarea.value;
  if (text.trim() === '' || composer.sending) return;
  // "/name" typed in full without picking it from the list.
  const slash = /^\/([\w-]+)\s*$/.exec(text);
  const command = slash && commands().find((c) => c.name === slash[1]?.toLowerCase());
  if (command) {
    hidePopup();
    pickCommand(command);
    if (!command.options.some((o) => o.required)) void sendCommand();
    return;
  }
  hidePopup();
  const body = { user: store.user, channel: store.channel, content: text };
  if (!(await postFromComposer('/api/say', body))) return;
  textarea.value = '';
  autosize(textarea);
  void refresh();
}

/**
 * Posts what the composer sends, the send button off meanwhile; shows the sandbox's refusal.
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<boolean>} whether the sandbox took it
 */
async function postFromComposer(path, body) {
  composer.sending = true;
  sendButton().disabled = true;
  const result = await post(path, body);
  composer.sending = false;
  sendButton().disabled = false;
  if (!result.ok) {
    showError(result.error);
    return false;
  }
  clearError();
  return true;
}

export function send() {
  if (composer.command) void sendCommand();
  else void sendText();
}

export function onComposerInput() {
  const textarea = composerInput();
  autosize(textarea);
  if (composer.command) return;
  const text = textarea.value;
  // "/quote " (a full name and a space) picks the command, like Discord; the rest fills an option.
  // A subcommand is listed as "article add", so its name holds a space.
  const lower = text.toLowerCase();
  const command = commands().find((c) => lower.startsWith(`/${c.name} `));
  if (command) {
    hidePopup();
    pickCommand(command, text.slice(command.name.length + 2).trim());
    return;
  }
  const typing = /^\/([\w-]*(?: [\w-]*)?)$/.exec(text);
  if (typing) showCommands(typing[1] ?? '');
  else if (popup.kind === 'commands') hidePopup();
}

/** @param {KeyboardEvent} e */
export function onComposerKey(e) {
  const textarea = composerInput();
  const commandsOpen = popup.kind === 'commands';
  if (commandsOpen && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    moveActive(e.key === 'ArrowDown' ? 1 : -1);
  } else if (commandsOpen && (e.key === 'Enter' || e.key === 'Tab') && popup.items.length > 0) {
    e.preventDefault();
    const command = popup.items[popup.active >= 0 ? popup.active : 0]?.command;
    // Enter on a command typed in full that needs nothing else sends it at once.
    const exact = e.key === 'Enter' && textarea.value.slice(1).toLowerCase() === command?.name;
    pickSuggestion(popup.active >= 0 ? popup.active : 0);
    if (exact && command.options.length === 0) void sendCommand();
  } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    send();
  } else if (e.key === 'Escape') {
    if (composer.command) cancelCommand();
    else hidePopup();
  } else if (e.key === 'Backspace' && composer.command && textarea.value === '') {
    e.preventDefault();
    cancelCommand();
  }
}
