// @ts-check
/**
 * The sandbox page: a Discord-like channel view driven by the local API (/api/*) of the sandbox
 * server. It renders the state the server sends (channels, messages with embeds, buttons and polls),
 * and lets a teacher act as any member: run slash commands (with the bot's real autocomplete), click
 * buttons, vote and post messages. Server-Sent Events tell it when to fetch the state again; the
 * state holds only the newest messages of the channel (a window), and "Load older" widens it.
 *
 * This module starts the page and handles navigation. The others: dom (element helpers), state,
 * api (the local API and the error banner), sidebar, markdown + inline (the parser, pure),
 * markdown-dom (its elements), messages, message-parts (embeds, buttons, polls), time, composer,
 * options (a command's fields), popup, select-menu, modal (the bot's forms) and attachments. Everything shown is built with DOM nodes and text nodes;
 * no string of HTML is ever parsed, so nothing in a message can inject markup.
 */
import { clearError, connectEvents, onState, refresh } from './api.js';
import { onComposerInput, onComposerKey, renderComposerPlaceholder, send } from './composer.js';
import { $, h } from './dom.js';
import { renderMessages } from './messages.js';
import { renderModal } from './modal.js';
import { hidePopup, popup } from './popup.js';
import { renderHeader, renderProblems, renderSidebar } from './sidebar.js';
import { USER_KEY, WINDOW_STEP, channelFromHash, messageFromHash, store } from './state.js';

/** Shows a new state from the server. */
function render() {
  renderSidebar();
  renderHeader();
  renderProblems();
  renderMessages();
  renderComposerPlaceholder();
  renderModal();
}

/** @param {string} id */
function openChannel(id) {
  if (!id || id === store.channel) return;
  store.channel = id;
  store.limit = WINDOW_STEP;
  hidePopup();
  clearError();
  closeDrawer();
  void refresh();
}

function closeDrawer() {
  $('app').classList.remove('drawer-open');
  $('scrim').hidden = true;
  $('menu-button').setAttribute('aria-expanded', 'false');
}

function toggleDrawer() {
  const open = !$('app').classList.contains('drawer-open');
  $('app').classList.toggle('drawer-open', open);
  $('scrim').hidden = !open;
  $('menu-button').setAttribute('aria-expanded', String(open));
}

function init() {
  // The message list: a welcome header, then the messages.
  $('messages').append(
    h('div', { class: 'welcome', id: 'welcome' }),
    h('div', { class: 'message-items', id: 'message-items' }),
  );
  const textarea = $('composer', HTMLTextAreaElement);
  // No maxlength: a message over Discord's limit is sent and refused with Discord's error, not cut short.
  textarea.addEventListener('input', onComposerInput);
  textarea.addEventListener('keydown', onComposerKey);
  textarea.addEventListener('blur', () => {
    if (popup.owner === textarea) hidePopup();
  });
  // Clicking in the popup must not take the focus from the field it belongs to.
  $('suggestions').addEventListener('mousedown', (e) => {
    e.preventDefault();
  });
  $('composer-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  $('user-select').addEventListener('change', () => {
    store.user = $('user-select', HTMLSelectElement).value;
    store.limit = WINDOW_STEP;
    localStorage.setItem(USER_KEY, store.user);
    hidePopup();
    clearError();
    void refresh();
  });
  window.addEventListener('hashchange', () => {
    store.focusMessage = messageFromHash();
    if (channelFromHash() === store.channel && store.state) renderMessages();
    else openChannel(channelFromHash());
  });
  $('menu-button').addEventListener('click', toggleDrawer);
  $('scrim').addEventListener('click', closeDrawer);
  $('channel-list').addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a.channel')) closeDrawer();
  });
  onState(render);
  void refresh();
  connectEvents();
}

init();
