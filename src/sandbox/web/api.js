// @ts-check
/**
 * The page's side of the local API (/api/*): the state for the acting member and open channel,
 * the events that say when to fetch it again, actions (POST), and the error banner.
 */
import { $, h, icon } from './dom.js';
import { DEFAULT_USER, USER_KEY, channelHref, store } from './state.js';

/** @typedef {import('./types.js').PageState} PageState */
/** @typedef {{ ok: true, data: unknown } | { ok: false, error: string }} PostResult */

/**
 * POSTs JSON; resolves to { ok, data } or { ok: false, error } (never throws).
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<PostResult>}
 */
export async function post(path, body) {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const data = /** @type {unknown} */ (await res.json().catch(() => ({})));
    if (!res.ok) return { ok: false, error: errorOf(data) || `The sandbox answered ${res.status}.` };
    return { ok: true, data };
  } catch {
    return { ok: false, error: 'Could not reach the sandbox. Is npm start still running?' };
  }
}

/**
 * The `error` of an answer from the sandbox, if it has one.
 * @param {unknown} data
 */
function errorOf(data) {
  const error = typeof data === 'object' && data !== null && 'error' in data ? data.error : undefined;
  return typeof error === 'string' ? error : '';
}

/** What to do with each new state (set once at start-up: render the page). */
let render = () => {};

/** @param {() => void} fn */
export function onState(fn) {
  render = fn;
}

let loading = false;
let reloadWanted = false;

/** Fetches the state for the current user and channel; calls made meanwhile coalesce into one. */
export async function refresh() {
  if (loading) {
    reloadWanted = true;
    return;
  }
  loading = true;
  try {
    do {
      reloadWanted = false;
      await loadState();
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by calls made while loading
    } while (reloadWanted);
  } finally {
    loading = false;
  }
}

async function loadState() {
  const user = store.user;
  const channel = store.channel;
  const query = new URLSearchParams({ user, limit: String(store.limit) });
  if (channel) query.set('channel', channel);
  let res;
  try {
    res = await fetch(`/api/state?${query}`, { cache: 'no-store' });
  } catch {
    setConnection('Cannot reach the sandbox. Is npm start still running?');
    return;
  }
  const data = /** @type {unknown} */ (await res.json().catch(() => ({})));
  if (user !== store.user || channel !== store.channel) {
    reloadWanted = true; // switched while waiting: this answer is stale
    return;
  }
  if (!res.ok) {
    if (channel) {
      // An unknown channel (e.g. a thread from an older run in the URL): fall back to the default.
      store.channel = '';
      reloadWanted = true;
    } else if (user !== DEFAULT_USER) {
      store.user = DEFAULT_USER; // a remembered user the sandbox does not know
      reloadWanted = true;
    } else {
      showError(errorOf(data) || `The sandbox answered ${res.status}.`);
    }
    return;
  }
  const state = /** @type {PageState} */ (data);
  const first = state.users.find((u) => !u.teacher) ?? state.users[0];
  if (!state.users.some((u) => u.key === user) && first) {
    // The remembered user does not exist (any more): act as the first student instead.
    store.user = first.key;
    localStorage.setItem(USER_KEY, store.user);
    reloadWanted = true;
    return;
  }
  applyState(state);
}

/** @param {PageState} state */
function applyState(state) {
  store.state = state;
  if (state.channel !== store.channel) {
    store.channel = state.channel;
    history.replaceState(null, '', channelHref(state.channel, store.focusMessage));
  }
  render();
}

export function connectEvents() {
  const events = new EventSource('/api/events');
  events.addEventListener('change', () => void refresh());
  events.addEventListener('open', () => {
    setConnection('');
    void refresh(); // changes may have been missed while disconnected
  });
  // EventSource reconnects by itself.
  events.addEventListener('error', () => {
    setConnection('Reconnecting to the sandbox…');
  });
}

/** @param {string} text */
function setConnection(text) {
  const el = $('connection');
  el.textContent = text;
  el.hidden = !text;
}

/** @param {string} message */
export function showError(message) {
  const el = $('error');
  el.replaceChildren(
    icon('warning'),
    h('span', { class: 'error-text' }, message),
    h(
      'button',
      {
        type: 'button',
        class: 'icon-button error-close',
        'aria-label': 'Dismiss error',
        onclick: clearError,
      },
      icon('close', 14),
    ),
  );
  el.hidden = false;
}

export function clearError() {
  $('error').hidden = true;
  $('error').replaceChildren();
}
