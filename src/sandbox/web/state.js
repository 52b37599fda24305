// @ts-check
/**
 * What the page holds: the last state the server sent, who is acting, which channel is open, and
 * the channel/message named in the address (#channel=…&message=…).
 */

/** @typedef {import('./types.js').PageState} PageState */
/** @typedef {import('./types.js').Channel} Channel */

export const USER_KEY = 'sandbox.user';
export const DEFAULT_USER = 'student1';
/** Messages per window, and how many more each "Load older" asks for. The server caps the window. */
export const WINDOW_STEP = 50;
const THREAD_TYPES = new Set([10, 11, 12]);

export const store = {
  /** The last answer of GET /api/state. @type {PageState | null} */
  state: null,
  user: localStorage.getItem(USER_KEY) || DEFAULT_USER,
  channel: channelFromHash(),
  /** How many of the newest messages to ask for (grows with "Load older"; back to one step on a switch). */
  limit: WINDOW_STEP,
  /** A message a link pointed at (#channel=…&message=…): shown highlighted once it is loaded. */
  focusMessage: messageFromHash(),
  /** Ephemeral messages the user dismissed (hidden locally only). @type {Set<string>} */
  dismissed: new Set(),
};

/** The last state the server sent; only called once there is one. */
export function shown() {
  if (!store.state) throw new Error('No state yet.');
  return store.state;
}

export function channelFromHash() {
  return new URLSearchParams(location.hash.slice(1)).get('channel') ?? '';
}

export function messageFromHash() {
  return new URLSearchParams(location.hash.slice(1)).get('message') ?? '';
}

/**
 * @param {string} id
 * @param {string} [messageId]
 */
export const channelHref = (id, messageId) =>
  `#channel=${encodeURIComponent(id)}${messageId ? `&message=${encodeURIComponent(messageId)}` : ''}`;

export function currentUser() {
  return store.state?.users.find((u) => u.key === store.user);
}

/** @param {string | undefined} id */
export function channelById(id) {
  return store.state?.channels.find((c) => c.id === id);
}

/** @param {Channel | undefined} channel */
export const isThread = (channel) =>
  channel !== undefined && (THREAD_TYPES.has(channel.type) || !!channel.parentId);

/**
 * @param {string | undefined} id
 * @param {string} fallback
 */
export function nameOf(id, fallback) {
  return (id === undefined ? undefined : store.state?.names[id]) ?? fallback;
}
