/* global document, window, localStorage, fetch, EventSource, location, history, URL, URLSearchParams, setTimeout, clearTimeout */
/**
 * The sandbox page: a Discord-like channel view driven by the local API (/api/*) of the sandbox
 * server. It renders the state the server sends (channels, messages with embeds, buttons and polls),
 * and lets a teacher act as any member: run slash commands (with the bot's real autocomplete), click
 * buttons, vote and post messages. Server-Sent Events tell it when to fetch the state again; the
 * state holds only the newest messages of the channel (a window), and "Load older" widens it.
 *
 * Everything shown is built with DOM nodes and text nodes; no string of HTML is ever parsed, so
 * nothing in a message can inject markup.
 */

const USER_KEY = 'sandbox.user';
const DEFAULT_USER = 'student1';
const FLAG_EPHEMERAL = 64;
const FLAG_LOADING = 128;
/** Messages per window, and how many more each "Load older" asks for. The server caps the window. */
const WINDOW_STEP = 50;
const AUTOCOMPLETE_DELAY_MS = 120;
/** Messages by the same author within this time are grouped under one header, as Discord does. */
const GROUP_WINDOW_MS = 7 * 60 * 1000;

const THREAD_TYPES = new Set([10, 11, 12]);
const OPTION = { STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, NUMBER: 10 };
const BUTTON_STYLE = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// DOM helpers

/** Creates an element. Attributes are set with setAttribute; `on…` functions become listeners. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Replaces an element's children (unlike replaceChildren(), arrays are flattened, null skipped). */
function setChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** Appends children; strings become text nodes, null/false are skipped. */
function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
}

const ICONS = {
  hash: 'M10 4 8 20M16 4l-2 16M4.5 9h16M3.5 15h16',
  thread: 'M4 5h16v10H10l-4 4v-4H4zM8 9h8M8 12h5',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  eye: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zM12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  warning: 'M12 3 2 20h20zM12 9v5M12 17v.5',
  close: 'M6 6l12 12M18 6 6 18',
  check: 'M5 12.5l4.5 4.5L19 7',
  chevron: 'M9 6l6 6-6 6',
  reply: 'M20 19v-3a6 6 0 0 0-6-6H5M9 6l-4 4 4 4',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  slash: 'M15 4 9 20',
};

/** A small stroked SVG icon (decorative). */
function icon(name, size = 16) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({
    viewBox: '0 0 24 24',
    width: size,
    height: size,
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    class: `icon icon-${name}`,
  })) {
    svg.setAttribute(k, String(v));
  }
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

// ---------------------------------------------------------------------------------------------
// State

const store = {
  /** The last answer of GET /api/state. */
  state: null,
  user: localStorage.getItem(USER_KEY) || DEFAULT_USER,
  channel: channelFromHash(),
  /** How many of the newest messages to ask for (grows with "Load older"; back to one step on a switch). */
  limit: WINDOW_STEP,
  /** A message a link pointed at (#channel=…&message=…): shown highlighted once it is loaded. */
  focusMessage: messageFromHash(),
  /** Ephemeral messages the user dismissed (hidden locally only). */
  dismissed: new Set(),
};

function channelFromHash() {
  return new URLSearchParams(location.hash.slice(1)).get('channel') ?? '';
}

function messageFromHash() {
  return new URLSearchParams(location.hash.slice(1)).get('message') ?? '';
}

const channelHref = (id, messageId) =>
  `#channel=${encodeURIComponent(id)}${messageId ? `&message=${encodeURIComponent(messageId)}` : ''}`;

function currentUser() {
  return store.state?.users.find((u) => u.key === store.user);
}

function channelById(id) {
  return store.state?.channels.find((c) => c.id === id);
}

const isThread = (channel) => channel !== undefined && (THREAD_TYPES.has(channel.type) || !!channel.parentId);

function nameOf(id, fallback) {
  return store.state?.names?.[id] ?? fallback;
}

// ---------------------------------------------------------------------------------------------
// API

/** POSTs JSON; resolves to { ok, data } or { ok: false, error } (never throws). */
async function post(path, body) {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) return { ok: false, error: data.error || `The sandbox answered ${res.status}.` };
    return { ok: true, data };
  } catch {
    return { ok: false, error: 'Could not reach the sandbox. Is npm start still running?' };
  }
}

let loading = false;
let reloadWanted = false;

/** Fetches the state for the current user and channel; calls made meanwhile coalesce into one. */
async function refresh() {
  if (loading) {
    reloadWanted = true;
    return;
  }
  loading = true;
  try {
    do {
      reloadWanted = false;
      await loadState();
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
  const data = await res.json().catch(() => ({}));
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
      showError(data.error || `The sandbox answered ${res.status}.`);
    }
    return;
  }
  if (!data.users.some((u) => u.key === user) && data.users.length > 0) {
    // The remembered user does not exist (any more): act as the first student instead.
    store.user = (data.users.find((u) => !u.teacher) ?? data.users[0]).key;
    localStorage.setItem(USER_KEY, store.user);
    reloadWanted = true;
    return;
  }
  applyState(data);
}

function applyState(state) {
  store.state = state;
  if (state.channel !== store.channel) {
    store.channel = state.channel;
    history.replaceState(null, '', channelHref(state.channel, store.focusMessage));
  }
  renderSidebar();
  renderHeader();
  renderProblems();
  renderMessages();
  renderComposerPlaceholder();
}

function connectEvents() {
  const events = new EventSource('/api/events');
  events.addEventListener('change', () => void refresh());
  events.addEventListener('open', () => {
    setConnection('');
    void refresh(); // changes may have been missed while disconnected
  });
  // EventSource reconnects by itself.
  events.addEventListener('error', () => setConnection('Reconnecting to the sandbox…'));
}

function setConnection(text) {
  const el = $('connection');
  el.textContent = text;
  el.hidden = !text;
}

// ---------------------------------------------------------------------------------------------
// Errors

function showError(message) {
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

function clearError() {
  $('error').hidden = true;
  $('error').replaceChildren();
}

// ---------------------------------------------------------------------------------------------
// Sidebar, header, problems

let sidebarKey = '';

function renderSidebar() {
  const { guild, channels, users } = store.state;
  $('guild-name').textContent = guild.name;

  const key = JSON.stringify([channels, store.channel]);
  if (key !== sidebarKey) {
    sidebarKey = key;
    const list = $('channel-list');
    const tops = channels.filter((c) => !isThread(c));
    const threads = channels.filter(isThread);
    const known = new Set(tops.map((c) => c.id));
    const items = [];
    for (const channel of tops) {
      items.push(channelEntry(channel));
      for (const thread of threads.filter((t) => t.parentId === channel.id)) items.push(channelEntry(thread));
    }
    // Threads whose parent is not listed still get an entry.
    for (const thread of threads.filter((t) => !known.has(t.parentId))) items.push(channelEntry(thread));
    list.replaceChildren(
      h('div', { class: 'channel-category', id: 'channels-heading' }, 'Text channels'),
      h('ul', { class: 'channels', 'aria-labelledby': 'channels-heading' }, items),
    );
  }
  renderUserSelect(users);
}

function channelEntry(channel) {
  const selected = channel.id === store.channel;
  const thread = isThread(channel);
  return h(
    'li',
    { class: thread ? 'thread-item' : null },
    h(
      'a',
      {
        class: `channel${thread ? ' thread' : ''}${selected ? ' selected' : ''}`,
        href: channelHref(channel.id),
        'data-testid': `channel-${channel.name}`,
        'data-channel-id': channel.id,
        'aria-current': selected ? 'page' : null,
        title: channel.name,
      },
      thread ? icon('thread', 18) : icon('hash', 20),
      h('span', { class: 'channel-name' }, channel.name),
    ),
  );
}

let usersKey = '';

function renderUserSelect(users) {
  const select = $('user-select');
  const key = JSON.stringify(users);
  if (key !== usersKey) {
    usersKey = key;
    select.replaceChildren(
      ...users.map((u) => h('option', { value: u.key }, u.teacher ? `${u.name} (teacher)` : u.name)),
    );
  }
  select.value = store.user;
}

function renderHeader() {
  const channel = channelById(store.channel);
  const parent = channel?.parentId ? channelById(channel.parentId) : undefined;
  const name = channel?.name ?? '';
  $('channel-icon').replaceChildren(isThread(channel) ? icon('thread', 22) : icon('hash', 24));
  $('channel-title').textContent = name;
  $('channel-parent').textContent = parent ? `in #${parent.name}` : '';
  document.title = `${isThread(channel) ? '' : '#'}${name} · ${store.state.guild.name} · Sandbox`;
}

function renderProblems() {
  const problems = store.state.problems ?? [];
  const el = $('problems');
  el.hidden = problems.length === 0;
  if (problems.length === 0) {
    el.replaceChildren();
    return;
  }
  el.replaceChildren(
    h(
      'div',
      { class: 'problems-title' },
      icon('warning', 18),
      h(
        'strong',
        {},
        `The content has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}.`,
      ),
      ' The bot keeps serving the last good content until it is fixed (save the file again).',
    ),
    h(
      'ul',
      { class: 'problems-list' },
      problems.map((p) => h('li', {}, h('code', {}, p))),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Markdown (Discord's flavour). Builds nodes; text is only ever added as text nodes.

const isPunct = (c) => c !== undefined && /[!-/:-@[-`{-~]/.test(c);
const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Renders message text: code blocks, quotes, headings, subtext, lists, then inline markdown. */
function renderMarkdown(text, opts = { links: true }) {
  const frag = document.createDocumentFragment();
  for (const part of splitFences(String(text ?? '').replace(/\s+$/, ''))) {
    if (part.code !== undefined) {
      frag.append(h('pre', { class: 'md-codeblock' }, h('code', {}, part.code)));
    } else {
      frag.append(renderLines(part.text.split('\n'), opts, false));
    }
  }
  return frag;
}

/** Odd number of backslashes before `index`: the character there is escaped. */
function isEscaped(src, index) {
  let n = 0;
  for (let i = index - 1; i >= 0 && src[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Splits out ```fenced``` code blocks (their content is shown as is). */
function splitFences(text) {
  const parts = [];
  const fence = /```(?:[\w+#.-]*\n)?([\s\S]*?)```/g;
  let last = 0;
  let m;
  while ((m = fence.exec(text))) {
    if (isEscaped(text, m.index)) {
      fence.lastIndex = m.index + 1;
      continue;
    }
    parts.push({ text: text.slice(last, m.index).replace(/\n$/, '') });
    parts.push({ code: m[1].replace(/\n$/, '') });
    last = fence.lastIndex;
    if (text[last] === '\n') last++; // Discord drops the line break right after a block
    fence.lastIndex = last;
  }
  parts.push({ text: text.slice(last) });
  return parts.filter((p) => p.code !== undefined || p.text !== '');
}

const HEADING = /^(#{1,3}) +(\S.*)$/;
const SUBTEXT = /^-# +(\S.*)$/;
const LIST_ITEM = /^ *([-*]|\d{1,9}\.) +(\S.*)$/;

/** Block-level markdown, line by line. Lines that are not blocks are grouped into runs of text. */
function renderLines(lines, opts, inQuote) {
  const frag = document.createDocumentFragment();
  let run = [];
  const flush = () => {
    if (run.length > 0) frag.append(renderRun(run, opts));
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!inQuote && (line.startsWith('>>> ') || line === '>>>')) {
      // ">>> " quotes everything after it.
      flush();
      const inner = [line.slice(4), ...lines.slice(i + 1)];
      frag.append(h('blockquote', { class: 'md-quote' }, renderLines(inner, opts, true)));
      return frag;
    }
    if (!inQuote && (line.startsWith('> ') || line === '>')) {
      flush();
      const inner = [];
      while (i < lines.length && (lines[i].startsWith('> ') || lines[i] === '>')) {
        inner.push(lines[i].slice(2));
        i++;
      }
      i--;
      frag.append(h('blockquote', { class: 'md-quote' }, renderLines(inner, opts, true)));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      frag.append(h(`h${level + 2}`, { class: `md-h md-h${level}` }, parseInline(heading[2], opts)));
      continue;
    }
    const subtext = SUBTEXT.exec(line);
    if (subtext) {
      flush();
      frag.append(h('small', { class: 'md-subtext' }, parseInline(subtext[1], opts)));
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      const ordered = /^ *\d/.test(line);
      const items = [];
      while (i < lines.length && LIST_ITEM.test(lines[i]) && /^ *\d/.test(lines[i]) === ordered) {
        items.push(LIST_ITEM.exec(lines[i]));
        i++;
      }
      i--;
      const start = ordered ? parseInt(items[0][1], 10) : null;
      frag.append(
        h(
          ordered ? 'ol' : 'ul',
          { class: 'md-list', start: start !== 1 ? start : null },
          items.map((item) => h('li', {}, parseInline(item[2], opts))),
        ),
      );
      continue;
    }
    run.push(line);
  }
  flush();
  return frag;
}

/** Lines of plain text (with inline markdown); line breaks are kept, including empty lines. */
function renderRun(lines, opts) {
  const el = h('div', { class: 'md-text' }, parseInline(lines.join('\n'), opts));
  if (lines[lines.length - 1] === '') el.append(h('br')); // a trailing empty line still shows
  return el;
}

/** Inline markdown: escapes, code, mentions, links, emphasis. */
function parseInline(src, opts) {
  const out = document.createDocumentFragment();
  let text = '';
  const flush = () => {
    appendText(out, text);
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && isPunct(src[i + 1])) {
      text += src[i + 1]; // "\*" shows "*"
      i += 2;
      continue;
    }
    const match = inlineRule(src, i, opts);
    if (match) {
      flush();
      out.append(match.node);
      i = match.end;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** Text with line breaks as <br>. */
function appendText(parent, text) {
  text.split('\n').forEach((line, k) => {
    if (k > 0) parent.append(h('br'));
    if (line) parent.append(line);
  });
}

function inlineRule(src, i, opts) {
  switch (src[i]) {
    case '`':
      return codeSpan(src, i);
    case '<':
      return angleRule(src, i, opts);
    case '[':
      return opts.links ? maskedLink(src, i, opts) : null;
    case 'h':
      return opts.links ? bareUrl(src, i) : null;
    case '*':
    case '_':
    case '~':
    case '|':
      return emphasis(src, i, opts);
    default:
      return null;
  }
}

/** `code` or ``code with ` inside``. An unclosed run of backticks is plain text. */
function codeSpan(src, i) {
  let n = 0;
  while (src[i + n] === '`') n++;
  const ticks = '`'.repeat(n);
  for (let j = src.indexOf(ticks, i + n); j !== -1; j = src.indexOf(ticks, j + 1)) {
    if (src[j + n] === '`') {
      while (src[j + n] === '`') j++; // a longer run does not close
      continue;
    }
    let code = src.slice(i + n, j);
    if (code.trim() === '') break;
    if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
    return { node: h('code', { class: 'md-code' }, code), end: j + n };
  }
  return { node: document.createTextNode(ticks), end: i + n };
}

const ANGLE_RULES = [
  [/<@!?(\d{1,20})>/y, (m) => pill('user', m[1])],
  [/<@&(\d{1,20})>/y, (m) => pill('role', m[1])],
  [/<#(\d{1,20})>/y, (m) => pill('channel', m[1])],
  [/<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y, (m) => timestampNode(Number(m[1]), m[2] ?? 'f')],
  [/<a?:(\w{2,32}):\d{1,20}>/y, (m) => document.createTextNode(`:${m[1]}:`)],
];
const ANGLE_LINK = /<(https?:\/\/[^\s>]+)>/y;

/** Mentions, channel links, timestamps, custom emoji and <https://…> links. */
function angleRule(src, i, opts) {
  for (const [re, make] of ANGLE_RULES) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (m) {
      const node = make(m);
      if (node) return { node, end: re.lastIndex };
    }
  }
  if (opts.links) {
    ANGLE_LINK.lastIndex = i;
    const m = ANGLE_LINK.exec(src);
    const href = m && safeUrl(m[1]);
    if (href) return { node: link(href, m[1]), end: ANGLE_LINK.lastIndex };
  }
  return null;
}

function pill(kind, id) {
  if (kind === 'channel') {
    const channel = channelById(id);
    return h(
      'a',
      { class: 'mention', href: channelHref(id), 'data-channel-id': id },
      icon(isThread(channel) ? 'thread' : 'hash', 14),
      nameOf(id, channel?.name ?? 'unknown-channel'),
    );
  }
  const name = nameOf(id, kind === 'role' ? 'deleted-role' : 'unknown-user');
  return h('span', { class: `mention mention-${kind}` }, `@${name}`);
}

function timestampNode(seconds, style) {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return null;
  const formats = {
    t: { timeStyle: 'short' },
    T: { timeStyle: 'medium' },
    d: { dateStyle: 'short' },
    D: { dateStyle: 'long' },
    f: { dateStyle: 'long', timeStyle: 'short' },
    F: { dateStyle: 'full', timeStyle: 'short' },
  };
  const full = new Intl.DateTimeFormat(undefined, formats.F).format(date);
  const text =
    style === 'R' ? relativeTime(date) : new Intl.DateTimeFormat(undefined, formats[style]).format(date);
  return h('time', { class: 'md-time', datetime: date.toISOString(), title: full }, text);
}

function relativeTime(date) {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const units = [
    ['year', 31536000],
    ['month', 2592000],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? units[units.length - 1];
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/** Only http(s) links are ever made clickable. */
function safeUrl(raw) {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link to a channel or message on Discord: https://discord.com/channels/<guild>/<channel>[/<message>]. */
const DISCORD_LINK =
  /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/channels\/(?:\d+|@me)\/(\d+)(?:\/(\d+))?\/?$/;

/** Where a Discord link leads inside the sandbox, or null for any other link. */
function sandboxTarget(href) {
  const m = DISCORD_LINK.exec(href ?? '');
  return m ? { channelId: m[1], messageId: m[2] ?? '' } : null;
}

/**
 * A link. One to a Discord channel or message opens that place in the sandbox instead of leaving it,
 * shown as Discord shows it: "#channel › message".
 */
function link(href, content) {
  const target = sandboxTarget(href);
  if (target) {
    const channel = channelById(target.channelId);
    const shown = [
      icon(isThread(channel) ? 'thread' : 'hash', 14),
      nameOf(target.channelId, 'unknown-channel'),
      target.messageId ? ' › message' : '',
    ];
    return h(
      'a',
      {
        class: 'mention',
        href: channelHref(target.channelId, target.messageId),
        'data-testid': 'discord-link',
        'data-channel-id': target.channelId,
        'data-message-id': target.messageId || null,
        title: href,
      },
      content === href ? shown : content,
    );
  }
  return h(
    'a',
    { class: 'md-link', href, target: '_blank', rel: 'noopener noreferrer', title: href },
    content,
  );
}

const LINK_TARGET = /\(\s*<?(https?:\/\/[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)>?\s*\)/y;

/** [text](https://…): the text may hold inline markdown, but no links. */
function maskedLink(src, i, opts) {
  let depth = 0;
  let j = i;
  for (; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '\n') return null;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (j >= src.length) return null;
  LINK_TARGET.lastIndex = j + 1;
  const m = LINK_TARGET.exec(src);
  const label = src.slice(i + 1, j);
  const href = m && safeUrl(m[1]);
  if (!href || label.trim() === '') return null;
  return { node: link(href, parseInline(label, { ...opts, links: false })), end: LINK_TARGET.lastIndex };
}

/** https://… in text. Escaped characters count as part of the URL; trailing punctuation does not. */
function bareUrl(src, i) {
  if (!/^https?:\/\//.test(src.slice(i, i + 8)) || isWordChar(src[i - 1])) return null;
  const chars = []; // [characters consumed in src, character]
  let j = i;
  while (j < src.length) {
    if (src[j] === '\\' && isPunct(src[j + 1])) {
      chars.push([2, src[j + 1]]);
      j += 2;
    } else if (/[\s<\\]/.test(src[j])) {
      break;
    } else {
      chars.push([1, src[j]]);
      j++;
    }
  }
  const text = () => chars.map((c) => c[1]).join('');
  while (chars.length > 0) {
    const last = chars[chars.length - 1][1];
    const t = text();
    const unbalanced = last === ')' && t.split(')').length > t.split('(').length;
    if (!/[.,:;!?"'\]>}*_~|]/.test(last) && !unbalanced) break;
    chars.pop();
  }
  const url = text();
  const href = url.length > 8 && safeUrl(url);
  if (!href) return null;
  return { node: link(href, url), end: i + chars.reduce((n, c) => n + c[0], 0) };
}

const DELIMITERS = [
  ['**', 'strong'],
  ['__', 'u'],
  ['~~', 's'],
  ['||', 'spoiler'],
  ['*', 'em'],
  ['_', 'em'],
];

/** **bold**, __underline__, ~~strike~~, ||spoiler||, *italic*, _italic_ (nested freely). */
function emphasis(src, i, opts) {
  for (const [delim, tag] of DELIMITERS) {
    if (!src.startsWith(delim, i)) continue;
    const start = i + delim.length;
    if (delim === '*' && /\s/.test(src[start] ?? ' ')) continue;
    if (delim === '_' && isWordChar(src[i - 1])) continue; // snake_case is not italic
    const end = findClose(src, start, delim);
    if (end < 0) continue;
    const inner = parseInline(src.slice(start, end), opts);
    return { node: emphasisNode(tag, inner), end: end + delim.length };
  }
  return null;
}

function emphasisNode(tag, inner) {
  if (tag !== 'spoiler') return h(tag, { class: `md-${tag}` }, inner);
  const spoiler = h(
    'span',
    { class: 'md-spoiler', role: 'button', tabindex: '0', 'aria-label': 'Spoiler, click to reveal' },
    inner,
  );
  const reveal = () => {
    spoiler.classList.add('revealed');
    spoiler.removeAttribute('role');
    spoiler.removeAttribute('aria-label');
  };
  spoiler.addEventListener('click', reveal);
  spoiler.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') reveal();
  });
  return spoiler;
}

/**
 * Where `delim` closes, skipping escapes and code spans. Inside a run of the delimiter character
 * the last one(s) close, so `***a***` is bold + italic; `**` inside `*…*` belongs to bold text.
 */
function findClose(src, from, delim) {
  const ch = delim[0];
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '`') {
      j = codeSpan(src, j).end - 1;
      continue;
    }
    if (c !== ch) continue;
    let end = j;
    while (src[end] === ch) end++;
    const run = end - j;
    let at = -1;
    if (delim.length === 2) at = run >= 2 ? end - 2 : -1;
    else if (run !== 2) at = end - 1;
    if (at > from && closes(src, at, delim)) return at;
    j = end - 1;
  }
  return -1;
}

function closes(src, at, delim) {
  if (delim === '*') return !/\s/.test(src[at - 1]);
  if (delim === '_') return !isWordChar(src[at + 1]);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Messages

/** id → { key, el }: unchanged messages keep their element (and focus, hover, scroll). */
const messageCache = new Map();
let lastMessageId = '';

function renderMessages() {
  const list = $('message-items');
  const scroller = $('messages');
  const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  const me = currentUser();
  const namesKey = JSON.stringify(store.state.names);
  const messages = store.state.messages.filter((m) => !store.dismissed.has(m.id));

  renderHistoryStart();
  const elements = messages.map((message, index) => {
    const grouped = groupsWithPrevious(message, messages[index - 1]);
    const key = JSON.stringify([message, grouped, me?.id, namesKey, store.channel]);
    const cached = messageCache.get(message.id);
    if (cached && cached.key === key) return cached.el;
    const el = renderMessage(message, grouped);
    messageCache.set(message.id, { key, el });
    return el;
  });
  reconcile(list, elements);

  // Follow the conversation: stay at the bottom, and jump there for anything new from this user.
  const newest = messages[messages.length - 1];
  const isNew = newest !== undefined && newest.id !== lastMessageId;
  const mine =
    newest !== undefined &&
    (newest.author?.id === me?.id || newest.interaction_metadata?.user?.id === me?.id);
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
  const shown = new Set(messages.map((m) => m.id));
  for (const id of messageCache.keys()) {
    if (!shown.has(id)) messageCache.delete(id);
  }
}

/** Set by "Load older": the distance from the bottom to keep while older messages come in above. */
let keepFromBottom = null;

function loadOlder() {
  const scroller = $('messages');
  keepFromBottom = scroller.scrollHeight - scroller.scrollTop;
  store.limit = store.state.limit + WINDOW_STEP;
  void refresh();
}

/** The top of the list: the channel's welcome, or "Load older" while older messages are not shown. */
function renderHistoryStart() {
  const { older, limit } = store.state;
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
  } else if (store.state.older && store.limit <= store.state.limit) {
    store.limit = store.state.limit + WINDOW_STEP;
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

/** Puts `elements` into `list` in order, moving only what is out of place. */
function reconcile(list, elements) {
  elements.forEach((el, i) => {
    if (list.children[i] !== el) list.insertBefore(el, list.children[i] ?? null);
  });
  while (list.children.length > elements.length) list.lastElementChild.remove();
}

function renderWelcome() {
  const channel = channelById(store.channel);
  const thread = isThread(channel);
  const parent = thread ? channelById(channel.parentId) : undefined;
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

function hasHeaderContext(m) {
  return (m.interaction_metadata && m.interaction?.name) || (m.type === 19 && m.referenced_message);
}

function groupsWithPrevious(m, prev) {
  // Each interaction's answer gets its own header, as in Discord.
  if (!prev || m.interaction_metadata || hasHeaderContext(m) || m.type === 18 || prev.type === 18)
    return false;
  if (prev.author?.id !== m.author?.id) return false;
  return Math.abs(Date.parse(m.timestamp) - Date.parse(prev.timestamp)) < GROUP_WINDOW_MS;
}

function authorName(author) {
  return nameOf(author?.id, author?.global_name || author?.username || 'Unknown');
}

function renderMessage(m, grouped) {
  const flags = m.flags ?? 0;
  const ephemeral = (flags & FLAG_EPHEMERAL) !== 0;
  const me = currentUser();
  // Highlighted only when it really pings this user (the bot sends mentions without pinging).
  const mentionsMe = me && (m.mentions ?? []).some((u) => u.id === me.id);
  const el = h('article', {
    class: `message${grouped ? ' grouped' : ''}${ephemeral ? ' ephemeral' : ''}${mentionsMe ? ' mentioned' : ''}`,
    'data-testid': 'message',
    'data-message-id': m.id,
    'data-ephemeral': ephemeral ? 'true' : 'false',
  });
  if (m.type === 18) {
    el.classList.add('system');
    append(el, [threadCreated(m)]);
    return el;
  }
  append(el, [
    messageContext(m),
    grouped
      ? h(
          'time',
          { class: 'gutter-time', datetime: m.timestamp, title: longTime(m.timestamp) },
          shortTime(m.timestamp),
        )
      : avatar(m.author),
    h(
      'div',
      { class: 'message-body' },
      grouped ? null : messageHeader(m),
      messageContent(m, flags),
      (m.embeds ?? []).map(renderEmbed),
      m.poll ? renderPoll(m) : null,
      renderComponents(m),
      m.thread && m.thread.id !== store.channel ? threadLink(m.thread) : null, // not inside the thread itself
      ephemeral ? ephemeralNote(m) : null,
    ),
  ]);
  return el;
}

/** "↳ Name used /quote" above a command's answer, or the message a reply answers. */
function messageContext(m) {
  if (m.interaction_metadata && m.interaction?.name) {
    const user = m.interaction_metadata.user ?? m.interaction.user;
    return h(
      'div',
      { class: 'message-context' },
      icon('reply', 14),
      h('span', { class: 'context-name' }, authorName(user)),
      ' used ',
      h('span', { class: 'context-command' }, `/${m.interaction.name}`),
    );
  }
  if (m.type === 19 && m.referenced_message) {
    const ref = m.referenced_message;
    const snippet = (ref.content || (ref.embeds?.length ? 'Click to see attachment' : '')).slice(0, 120);
    return h(
      'div',
      { class: 'message-context' },
      icon('reply', 14),
      h('span', { class: 'context-name' }, authorName(ref.author)),
      h('span', { class: 'context-snippet' }, parseInline(snippet.replace(/\n/g, ' '), { links: false })),
    );
  }
  return null;
}

const AVATAR_COLOURS = ['#5865f2', '#3ba55c', '#faa61a', '#ed4245', '#eb459e', '#00a8fc', '#9b59b6'];

function avatar(author) {
  const name = authorName(author);
  let hash = 0;
  for (const c of String(author?.id ?? name)) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const colour = author?.bot ? '#5865f2' : AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
  const el = h('div', { class: 'avatar', 'aria-hidden': 'true' }, [...name.trim()][0]?.toUpperCase() ?? '?');
  el.style.backgroundColor = colour;
  return el;
}

function messageHeader(m) {
  return h(
    'h3',
    { class: 'message-header' },
    h('span', { class: 'author-name' }, authorName(m.author)),
    m.author?.bot ? h('span', { class: 'bot-tag' }, 'BOT') : null,
    h(
      'time',
      { class: 'message-time', datetime: m.timestamp, title: longTime(m.timestamp) },
      longishTime(m.timestamp),
    ),
  );
}

function messageContent(m, flags) {
  if (flags & FLAG_LOADING) {
    return h(
      'div',
      { class: 'thinking', role: 'status' },
      `${authorName(m.author)} is thinking`,
      h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
    );
  }
  if (!m.content) return null;
  return h(
    'div',
    { class: 'message-content markdown' },
    renderMarkdown(m.content),
    m.edited_timestamp
      ? h('span', { class: 'edited', title: longTime(m.edited_timestamp) }, ' (edited)')
      : null,
  );
}

function ephemeralNote(m) {
  return h(
    'div',
    { class: 'ephemeral-note' },
    icon('eye', 16),
    'Only you can see this · ',
    h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        onclick: () => {
          store.dismissed.add(m.id);
          renderMessages();
        },
      },
      'Dismiss message',
    ),
  );
}

function threadLink(thread) {
  return h(
    'a',
    {
      class: 'thread-link',
      href: channelHref(thread.id),
      'data-testid': 'thread-link',
      'data-channel-id': thread.id,
    },
    icon('thread', 18),
    h('span', { class: 'thread-link-label' }, 'Thread: '),
    h('span', { class: 'thread-link-name' }, thread.name),
    h('span', { class: 'thread-link-open' }, 'Open', icon('chevron', 14)),
  );
}

/** A "started a thread" system message (type 18). */
function threadCreated(m) {
  const threadId = m.message_reference?.channel_id ?? m.thread?.id;
  return [
    h('div', { class: 'system-icon' }, icon('thread', 18)),
    h(
      'div',
      { class: 'message-body' },
      h('span', { class: 'author-name' }, authorName(m.author)),
      ' started a thread: ',
      threadId
        ? h('a', { class: 'system-link', href: channelHref(threadId) }, m.content)
        : h('strong', {}, m.content),
      ' ',
      h(
        'time',
        { class: 'message-time', datetime: m.timestamp, title: longTime(m.timestamp) },
        longishTime(m.timestamp),
      ),
    ),
  ];
}

// Times

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

function toDate(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const shortTime = (iso) => (toDate(iso) ? timeFormat.format(toDate(iso)) : '');
const longTime = (iso) => (toDate(iso) ? fullFormat.format(toDate(iso)) : '');

/** "Today at 10:04", "Yesterday at 10:04" or a date. */
function longishTime(iso) {
  const d = toDate(iso);
  if (!d) return '';
  const days = Math.round((startOfDay(new Date()) - startOfDay(d)) / 86400000);
  if (days === 0) return `Today at ${timeFormat.format(d)}`;
  if (days === 1) return `Yesterday at ${timeFormat.format(d)}`;
  return `${dateFormat.format(d)} ${timeFormat.format(d)}`;
}

function startOfDay(d) {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

// Embeds

function renderEmbed(e) {
  const el = h('div', { class: 'embed', 'data-testid': 'embed' });
  if (typeof e.color === 'number') {
    el.style.setProperty('--embed-color', `#${(e.color & 0xffffff).toString(16).padStart(6, '0')}`);
  }
  const titleUrl = e.url && safeUrl(e.url);
  const authorUrl = e.author?.url && safeUrl(e.author.url);
  append(el, [
    e.author?.name
      ? h('div', { class: 'embed-author' }, authorUrl ? link(authorUrl, e.author.name) : e.author.name)
      : null,
    e.title
      ? h(
          'div',
          { class: 'embed-title' },
          titleUrl
            ? link(titleUrl, parseInline(e.title, { links: false }))
            : parseInline(e.title, { links: false }),
        )
      : null,
    e.description ? h('div', { class: 'embed-description markdown' }, renderMarkdown(e.description)) : null,
    e.fields?.length ? renderFields(e.fields) : null,
    e.footer?.text || e.timestamp
      ? h(
          'div',
          { class: 'embed-footer' },
          e.footer?.text ?? '',
          e.footer?.text && e.timestamp ? ' • ' : '',
          e.timestamp ? longishTime(e.timestamp) : '',
        )
      : null,
  ]);
  return el;
}

/** Fields on a 12-column grid: up to three inline fields share a row, others take a whole row. */
function renderFields(fields) {
  const grid = h('div', { class: 'embed-fields' });
  let row = [];
  const flush = () => {
    const span = 12 / row.length;
    row.forEach((el, k) => {
      el.style.gridColumn = `${1 + k * span} / ${1 + (k + 1) * span}`;
    });
    row = [];
  };
  for (const field of fields) {
    const el = h(
      'div',
      { class: 'embed-field' },
      h('div', { class: 'embed-field-name' }, parseInline(field.name ?? '', { links: false })),
      h('div', { class: 'embed-field-value markdown' }, renderMarkdown(field.value ?? '')),
    );
    grid.append(el);
    if (field.inline) {
      row.push(el);
      if (row.length === 3) flush();
    } else {
      if (row.length) flush();
      el.style.gridColumn = '1 / 13';
    }
  }
  if (row.length) flush();
  return grid;
}

// Buttons

function renderComponents(m) {
  const rows = (m.components ?? []).filter((r) => r.type === 1);
  if (rows.length === 0) return null;
  return h(
    'div',
    { class: 'components' },
    rows.map((r) =>
      h(
        'div',
        { class: 'action-row' },
        (r.components ?? []).filter((c) => c.type === 2).map((c) => renderButton(m, c)),
      ),
    ),
  );
}

function renderButton(m, c) {
  const label = c.label ?? '';
  const style = BUTTON_STYLE[c.style] ?? 'secondary';
  const content = [c.emoji?.name ? h('span', { class: 'button-emoji' }, c.emoji.name) : null, label];
  const testid = `button-${label || c.emoji?.name || ''}`;
  if (c.style === 5) {
    const url = safeUrl(c.url);
    const inside = sandboxTarget(url);
    const href = inside ? channelHref(inside.channelId, inside.messageId) : url;
    return h(
      'a',
      {
        class: `button ${style}${c.disabled || !href ? ' disabled' : ''}`,
        href: c.disabled ? null : href,
        target: inside ? null : '_blank',
        rel: inside ? null : 'noopener noreferrer',
        'data-testid': testid,
        'aria-disabled': c.disabled ? 'true' : null,
      },
      content,
      inside ? null : icon('external', 14),
    );
  }
  const button = h(
    'button',
    { type: 'button', class: `button ${style}`, disabled: !!c.disabled, 'data-testid': testid },
    content,
  );
  button.addEventListener('click', () => void clickButton(m, c, button));
  return button;
}

async function clickButton(m, c, button) {
  button.disabled = true;
  button.classList.add('pending');
  clearError();
  const result = await post('/api/button', {
    user: store.user,
    channel: store.channel,
    messageId: m.id,
    customId: c.custom_id,
  });
  button.disabled = !!c.disabled;
  button.classList.remove('pending');
  if (!result.ok) showError(result.error);
  else void refresh();
}

// Polls

function renderPoll(m) {
  const poll = m.poll;
  const counts = new Map((poll.results?.answer_counts ?? []).map((a) => [a.id, a]));
  const total = [...counts.values()].reduce((n, a) => n + (a.count ?? 0), 0);
  const expired = poll.expiry && Date.parse(poll.expiry) < Date.now();
  const closed = poll.results?.is_finalized || expired;
  return h(
    'div',
    { class: 'poll', 'data-testid': 'poll' },
    h('div', { class: 'poll-question' }, poll.question?.text ?? ''),
    h(
      'div',
      { class: 'poll-hint' },
      poll.allow_multiselect ? 'Select one or more answers' : 'Select one answer',
    ),
    h(
      'div',
      { class: 'poll-answers' },
      (poll.answers ?? []).map((a) => {
        const result = counts.get(a.answer_id);
        const count = result?.count ?? 0;
        const mine = result?.me_voted === true;
        const percent = total > 0 ? Math.round((count / total) * 100) : 0;
        const answer = h(
          'button',
          {
            type: 'button',
            class: `poll-answer${mine ? ' voted' : ''}`,
            'data-testid': 'poll-answer',
            'data-answer-id': a.answer_id,
            'aria-pressed': mine ? 'true' : 'false',
            disabled: !!closed,
          },
          h('span', { class: 'poll-bar', 'aria-hidden': 'true' }),
          h(
            'span',
            { class: 'poll-text' },
            a.poll_media?.emoji?.name ? `${a.poll_media.emoji.name} ` : '',
            a.poll_media?.text ?? '',
          ),
          h('span', { class: 'poll-count' }, `${count} ${count === 1 ? 'vote' : 'votes'} · ${percent}%`),
          h('span', { class: 'poll-check', 'aria-hidden': 'true' }, mine ? icon('check', 14) : null),
        );
        answer.style.setProperty('--poll-percent', `${percent}%`);
        answer.addEventListener('click', () => void vote(m, a.answer_id));
        return answer;
      }),
    ),
    h(
      'div',
      { class: 'poll-footer' },
      `${total} ${total === 1 ? 'vote' : 'votes'}`,
      closed ? ' · Poll closed' : poll.expiry ? ` · ${pollTimeLeft(poll.expiry)}` : '',
    ),
  );
}

function pollTimeLeft(expiry) {
  const hours = Math.max(0, Math.round((Date.parse(expiry) - Date.now()) / 3600000));
  return hours >= 1 ? `${hours}h left` : 'less than an hour left';
}

async function vote(m, answerId) {
  clearError();
  const result = await post('/api/vote', { user: store.user, messageId: m.id, answerId });
  if (!result.ok) {
    showError(result.error);
    return;
  }
  void refresh();
}

// ---------------------------------------------------------------------------------------------
// Composer: plain messages, and slash commands with their options

const composer = {
  /** The picked command (then its options are shown as fields), or null. */
  command: null,
  /** option name → its input or select. */
  inputs: new Map(),
  /** option name → { name, value } of the autocomplete choice picked for it. */
  picked: new Map(),
  sending: false,
};

/** The popup above the composer: commands, or the choices of an option. */
const popup = {
  kind: null, // 'commands' | 'choices' | null
  items: [],
  active: -1,
  owner: null, // the input the popup belongs to
  option: null,
};

function commands() {
  return store.state?.commands ?? [];
}

function renderComposerPlaceholder() {
  const channel = channelById(store.channel);
  const textarea = $('composer');
  if (composer.command) {
    textarea.placeholder = composer.command.options?.length
      ? ''
      : `Press Enter to send /${composer.command.name}`;
  } else {
    textarea.placeholder = `Message ${isThread(channel) ? '' : '#'}${channel?.name ?? ''}`;
  }
}

function autosize(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${Math.min(textarea.scrollHeight, 240)}px`;
}

// Popup

function showPopup(kind, items, { owner, option = null, title, active = -1, empty }) {
  popup.kind = kind;
  popup.items = items;
  popup.owner = owner;
  popup.option = option;
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
          onclick: () => pickSuggestion(index),
          onmousemove: () => setActive(index, false),
        },
        item.render(),
      ),
    ),
  ]);
  el.hidden = false;
  owner.setAttribute('aria-expanded', 'true');
  setActive(popup.active, true);
}

function hidePopup() {
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

function setActive(index, scroll) {
  popup.active = index;
  const items = $('suggestions').querySelectorAll('.popup-item');
  items.forEach((el, k) => el.setAttribute('aria-selected', k === index ? 'true' : 'false'));
  if (index >= 0) {
    popup.owner?.setAttribute('aria-activedescendant', `suggestion-${index}`);
    if (scroll) items[index]?.scrollIntoView({ block: 'nearest' });
  } else {
    popup.owner?.removeAttribute('aria-activedescendant');
  }
}

function moveActive(delta) {
  const n = popup.items.length;
  if (n === 0) return;
  const from = popup.active < 0 ? (delta > 0 ? -1 : n) : popup.active;
  setActive((from + delta + n) % n, true);
}

function pickSuggestion(index) {
  const item = popup.items[index];
  if (!item) return;
  const kind = popup.kind;
  const option = popup.option;
  hidePopup();
  if (kind === 'commands') pickCommand(item.command);
  else pickChoice(option, item);
}

// Command list

function commandMatches(typed) {
  const q = typed.toLowerCase();
  const all = commands();
  return [
    ...all.filter((c) => c.name.startsWith(q)),
    ...all.filter((c) => !c.name.startsWith(q) && c.name.includes(q)),
  ];
}

function showCommands(typed) {
  const textarea = $('composer');
  const items = commandMatches(typed).map((command) => ({
    value: command.name,
    command,
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

/** Switches the composer to a command: its options become fields. */
function pickCommand(command, rest = '') {
  const textarea = $('composer');
  composer.command = command;
  composer.picked.clear();
  composer.inputs.clear();
  textarea.value = '';
  autosize(textarea);
  clearError();
  const fields = $('command-fields');
  const options = command.options ?? [];
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
    options.map(optionField),
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
    if (rest && first.tagName === 'INPUT') {
      first.value = rest;
      fitInput(first);
    }
    first.focus();
    if (rest && first.tagName === 'INPUT') first.setSelectionRange(rest.length, rest.length);
  } else {
    textarea.focus();
  }
}

function cancelCommand() {
  const textarea = $('composer');
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

// Option fields

function optionField(option) {
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
    if (option.autocomplete) requestAutocomplete(option, input);
  });
  input.addEventListener('blur', () => {
    if (popup.owner === input) hidePopup();
    showOptionHint(null);
  });
  input.addEventListener('keydown', (e) => onOptionKey(e, option, input));
  if (input.tagName === 'INPUT') {
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

function optionInput(option) {
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

/** Text inputs grow with what is typed. */
function fitInput(input) {
  input.size = Math.max(input.placeholder.length || 6, Math.min(input.value.length + 1, 60));
}

function showOptionHint(option) {
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

function onOptionKey(e, option, input) {
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
    else void sendCommand();
  } else if (e.key === 'Escape') {
    // One Esc cancels the whole command (the suggestions of an autocomplete field are nearly always open).
    e.preventDefault();
    cancelCommand();
  }
}

// Autocomplete

let autocompleteTimer;
let autocompleteSeq = 0;

function scheduleAutocomplete(option, input) {
  clearTimeout(autocompleteTimer);
  autocompleteTimer = setTimeout(() => void requestAutocomplete(option, input), AUTOCOMPLETE_DELAY_MS);
}

/** Stops any pending or running request from showing its choices. */
function cancelAutocomplete() {
  clearTimeout(autocompleteTimer);
  autocompleteSeq++;
}

async function requestAutocomplete(option, input) {
  clearTimeout(autocompleteTimer);
  const seq = ++autocompleteSeq;
  const command = composer.command;
  // Discord hides teacher commands from students, so they never get suggestions; sending says why.
  if (command.teacherOnly && !currentUser()?.teacher) return;
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
  const choices = result.data.choices ?? [];
  showPopup(
    'choices',
    choices.map((c) => ({ name: c.name, value: String(c.value), raw: c.value, render: () => c.name })),
    {
      owner: input,
      option,
      title: `${option.name}`,
      empty: 'No suggestions. You can still send what you typed.',
    },
  );
}

/** A picked choice shows its name; its value is what gets sent. */
function pickChoice(option, item) {
  const input = composer.inputs.get(option.name);
  if (!input) return;
  composer.picked.set(option.name, { name: item.name, value: item.raw });
  input.value = item.name;
  fitInput(input);
  cancelAutocomplete();
  // Move on to the next empty text field, as Discord does.
  const fields = [...composer.inputs.values()];
  const next = fields.slice(fields.indexOf(input) + 1).find((f) => f.tagName === 'INPUT' && f.value === '');
  (next ?? input).focus();
}

/** The option values to send (empty ones are left out) and the first required one missing. */
function collectOptions() {
  const values = {};
  let missing = null;
  for (const option of composer.command?.options ?? []) {
    const input = composer.inputs.get(option.name);
    if (!input) continue;
    const picked = composer.picked.get(option.name);
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
  return { values, missing };
}

// Sending

async function sendCommand() {
  const command = composer.command;
  if (!command || composer.sending) return;
  cancelAutocomplete();
  hidePopup();
  const { values, missing } = collectOptions();
  if (missing) {
    showError(`Fill in ${missing.option.name}: ${missing.option.description}`);
    missing.input.focus();
    return;
  }
  composer.sending = true;
  $('send').disabled = true;
  const result = await post('/api/command', {
    user: store.user,
    channel: store.channel,
    name: command.name,
    options: values,
  });
  composer.sending = false;
  $('send').disabled = false;
  if (!result.ok) {
    showError(result.error);
    return;
  }
  clearError();
  if (composer.command === command) cancelCommand();
  void refresh();
}

async function sendText() {
  const textarea = $('composer');
  const text = textarea.value;
  if (text.trim() === '' || composer.sending) return;
  // "/name" typed in full without picking it from the list.
  const slash = /^\/([\w-]+)\s*$/.exec(text);
  const command = slash && commands().find((c) => c.name === slash[1].toLowerCase());
  if (command) {
    hidePopup();
    pickCommand(command);
    if (!(command.options ?? []).some((o) => o.required)) void sendCommand();
    return;
  }
  hidePopup();
  composer.sending = true;
  $('send').disabled = true;
  const result = await post('/api/say', { user: store.user, channel: store.channel, content: text });
  composer.sending = false;
  $('send').disabled = false;
  if (!result.ok) {
    showError(result.error);
    return;
  }
  clearError();
  textarea.value = '';
  autosize(textarea);
  void refresh();
}

function send() {
  if (composer.command) void sendCommand();
  else void sendText();
}

function onComposerInput() {
  const textarea = $('composer');
  autosize(textarea);
  if (composer.command) return;
  const text = textarea.value;
  // "/quote " (a full name and a space) picks the command, like Discord; the rest fills an option.
  const full = /^\/([\w-]+)\s([\s\S]*)$/.exec(text);
  const command = full && commands().find((c) => c.name === full[1].toLowerCase());
  if (command) {
    hidePopup();
    pickCommand(command, full[2].trim());
    return;
  }
  const typing = /^\/([\w-]*)$/.exec(text);
  if (typing) showCommands(typing[1]);
  else if (popup.kind === 'commands') hidePopup();
}

function onComposerKey(e) {
  const textarea = $('composer');
  const commandsOpen = popup.kind === 'commands';
  if (commandsOpen && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    moveActive(e.key === 'ArrowDown' ? 1 : -1);
  } else if (commandsOpen && (e.key === 'Enter' || e.key === 'Tab') && popup.items.length > 0) {
    e.preventDefault();
    const item = popup.items[popup.active >= 0 ? popup.active : 0];
    // Enter on a command typed in full that needs nothing else sends it at once.
    const exact = e.key === 'Enter' && textarea.value.slice(1).toLowerCase() === item.command.name;
    pickSuggestion(popup.active >= 0 ? popup.active : 0);
    if (exact && (item.command.options ?? []).length === 0) void sendCommand();
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

// ---------------------------------------------------------------------------------------------
// Navigation and start-up

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
  const textarea = $('composer');
  // No maxlength: a message over Discord's limit is sent and refused with Discord's error, not cut short.
  textarea.addEventListener('input', onComposerInput);
  textarea.addEventListener('keydown', onComposerKey);
  textarea.addEventListener('blur', () => {
    if (popup.owner === textarea) hidePopup();
  });
  // Clicking in the popup must not take the focus from the field it belongs to.
  $('suggestions').addEventListener('mousedown', (e) => e.preventDefault());
  $('composer-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  $('user-select').addEventListener('change', (e) => {
    store.user = e.target.value;
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
    if (e.target.closest('a.channel')) closeDrawer();
  });
  void refresh();
  connectEvents();
}

init();
