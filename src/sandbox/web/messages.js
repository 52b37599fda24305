// @ts-check
/**
 * The message list: the messages (message.js) kept in place across updates, following the newest,
 * the channel's welcome or "Load older", and the message a link points at.
 */
import { refresh } from './api.js';
import { $, h, icon } from './dom.js';
import { groupsWithPrevious, renderMessage } from './message.js';
import { WINDOW_STEP, channelById, currentUser, isThread, shown, store } from './state.js';

/** @typedef {import('./types.js').Message} Message */

/** id → { key, el }: unchanged messages keep their element (and focus, hover, scroll). @type {Map<string, { key: string, el: HTMLElement }>} */
const messageCache = new Map();
let lastMessageId = '';

export function renderMessages() {
  const state = shown();
  const list = $('message-items');
  const scroller = $('messages');
  const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  const me = currentUser();
  const namesKey = JSON.stringify(state.names);
  const messages = state.messages.filter((m) => !store.dismissed.has(m.id));

  renderHistoryStart();
  const elements = messages.map((message, index) => {
    const grouped = groupsWithPrevious(message, messages[index - 1]);
    const key = JSON.stringify([message, grouped, me?.id, namesKey, store.channel]);
    const cached = messageCache.get(message.id);
    if (cached && cached.key === key) return cached.el;
    const el = renderMessage(message, grouped, renderMessages);
    messageCache.set(message.id, { key, el });
    return el;
  });
  reconcile(list, elements);

  // Follow the conversation: stay at the bottom, and jump there for anything new from this user.
  const newest = messages[messages.length - 1];
  const isNew = newest !== undefined && newest.id !== lastMessageId;
  const mine =
    newest !== undefined && (newest.author.id === me?.id || newest.interaction_metadata?.user.id === me?.id);
  const switched = channelChanged();
  if (keepFromBottom !== null) {
    // Older messages were added above: what the reader was looking at stays in place.
    scroller.scrollTop = scroller.scrollHeight - keepFromBottom;
    keepFromBottom = null;
  } else if (atBottom || (isNew && mine) || switched) {
    scroller.scrollTop = scroller.scrollHeight;
  }
  lastMessageId = newest?.id ?? '';
  markHighlighted();
  showLinkedMessage();
  const shownIds = new Set(messages.map((m) => m.id));
  for (const id of messageCache.keys()) {
    if (!shownIds.has(id)) messageCache.delete(id);
  }
}

/** Set by "Load older": the distance from the bottom to keep while older messages come in above. @type {number | null} */
let keepFromBottom = null;

function loadOlder() {
  const scroller = $('messages');
  keepFromBottom = scroller.scrollHeight - scroller.scrollTop;
  store.limit = shown().limit + WINDOW_STEP;
  void refresh();
}

/** The top of the list: the channel's welcome, or "Load older" while older messages are not shown. */
function renderHistoryStart() {
  const { older, limit } = shown();
  if (!older) {
    renderWelcome();
    return;
  }
  const capped = store.limit > limit; // asked for more than the sandbox sends at once
  $('welcome').replaceChildren(
    capped
      ? h('p', { class: 'history-note' }, `Only the newest ${limit} messages are shown in the sandbox.`)
      : h(
          'button',
          { type: 'button', class: 'load-older', 'data-testid': 'load-older', onclick: loadOlder },
          'Load older messages',
        ),
  );
}

/** The message a link last pointed at: it stays marked while it is shown, across re-renders. */
let highlighted = '';

function markHighlighted() {
  for (const el of $('message-items').children) {
    if (!(el instanceof HTMLElement)) continue;
    el.classList.toggle('highlighted', el.dataset.messageId === highlighted);
  }
}

/** Scrolls to and highlights the message a link pointed at, loading older messages until it is there. */
function showLinkedMessage() {
  const id = store.focusMessage;
  if (!/^\d+$/.test(id)) {
    store.focusMessage = '';
    return;
  }
  const el = $('message-items').querySelector(`[data-message-id="${id}"]`);
  if (el) {
    store.focusMessage = '';
    highlighted = id;
    markHighlighted();
    el.scrollIntoView({ block: 'center' });
  } else if (shown().older && store.limit <= shown().limit) {
    store.limit = shown().limit + WINDOW_STEP;
    void refresh();
  } else {
    store.focusMessage = ''; // deleted, or further back than the sandbox shows
  }
}

let shownChannel = '';
function channelChanged() {
  const changed = shownChannel !== `${store.user}:${store.channel}`;
  shownChannel = `${store.user}:${store.channel}`;
  return changed;
}

/**
 * Puts `elements` into `list` in order, moving only what is out of place.
 * @param {HTMLElement} list
 * @param {HTMLElement[]} elements
 */
function reconcile(list, elements) {
  elements.forEach((el, i) => {
    if (list.children[i] !== el) list.insertBefore(el, list.children[i] ?? null);
  });
  while (list.children.length > elements.length) list.lastElementChild?.remove();
}

function renderWelcome() {
  const channel = channelById(store.channel);
  const thread = isThread(channel);
  const parent = thread ? channelById(channel?.parentId) : undefined;
  const name = channel?.name ?? '';
  $('welcome').replaceChildren(
    h('div', { class: 'welcome-icon' }, icon(thread ? 'thread' : 'hash', 40)),
    h('h3', {}, thread ? name : `Welcome to #${name}!`),
    h(
      'p',
      {},
      thread
        ? `This is the start of a thread${parent ? ` in #${parent.name}` : ''}.`
        : `This is the start of the #${name} channel.`,
      ' Type ',
      h('kbd', {}, '/'),
      ' in the box below to use the bot.',
    ),
  );
}
