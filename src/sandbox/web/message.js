// @ts-check
/**
 * One message as Discord shows it: avatar and name (or grouped under the previous one), the
 * command it answers or the message it replies to, its text, its parts (message-parts.js), a
 * thread link, and the note on a message only its reader sees.
 */
import { renderAttachments } from './attachments.js';
import { append, h, icon } from './dom.js';
import { renderInline, renderMarkdown } from './markdown-dom.js';
import { renderComponents, renderEmbed, renderPoll } from './message-parts.js';
import { channelHref, currentUser, nameOf, store } from './state.js';
import { longTime, longishTime, shortTime } from './time.js';

/** @typedef {import('./types.js').Message} Message */
/** @typedef {Message['author'] | null | undefined} Author */

const FLAG_EPHEMERAL = 64;
const FLAG_LOADING = 128;
/** Messages by the same author within this time are grouped under one header, as Discord does. */
const GROUP_WINDOW_MS = 7 * 60 * 1000;

/**
 * The command a message answers (Discord still sends the deprecated `interaction`: the only place
 * with the command's name).
 * @param {Message} m
 */
function commandOf(m) {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  return m.interaction;
}

/** @param {Message} m */
function hasHeaderContext(m) {
  return (!!m.interaction_metadata && !!commandOf(m)?.name) || (m.type === 19 && !!m.referenced_message);
}

/**
 * @param {Message} m
 * @param {Message | undefined} prev
 */
export function groupsWithPrevious(m, prev) {
  // Each interaction's answer gets its own header, as in Discord.
  if (!prev || m.interaction_metadata || hasHeaderContext(m) || m.type === 18 || prev.type === 18)
    return false;
  if (prev.author.id !== m.author.id) return false;
  return Math.abs(Date.parse(m.timestamp) - Date.parse(prev.timestamp)) < GROUP_WINDOW_MS;
}

/** @param {Author} author */
function authorName(author) {
  return nameOf(author?.id, author?.global_name || author?.username || 'Unknown');
}

/**
 * @param {Message} m
 * @param {boolean} grouped
 * @param {() => void} onDismiss called when the reader dismisses an ephemeral message
 */
export function renderMessage(m, grouped, onDismiss) {
  const flags = m.flags ?? 0;
  const ephemeral = (flags & FLAG_EPHEMERAL) !== 0;
  const me = currentUser();
  // Highlighted only when it really pings this user (the bot sends mentions without pinging).
  const mentionsMe = me && m.mentions.some((u) => u.id === me.id);
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
      renderAttachments(m.attachments),
      m.embeds.map(renderEmbed),
      m.poll ? renderPoll(m, m.poll) : null,
      renderComponents(m),
      m.thread && m.thread.id !== store.channel ? threadLink(m.thread) : null, // not inside the thread itself
      ephemeral ? ephemeralNote(m, onDismiss) : null,
    ),
  ]);
  return el;
}

/** "↳ Name used /quote" above a command's answer, or the message a reply answers. */
/** @param {Message} m */
function messageContext(m) {
  const command = commandOf(m);
  if (m.interaction_metadata && command?.name) {
    const user = m.interaction_metadata.user;
    return h(
      'div',
      { class: 'message-context' },
      icon('reply', 14),
      h('span', { class: 'context-name' }, authorName(user)),
      ' used ',
      h('span', { class: 'context-command' }, `/${command.name}`),
    );
  }
  if (m.type === 19 && m.referenced_message) {
    const ref = m.referenced_message;
    const attached = ref.embeds.length > 0 || ref.attachments.length > 0;
    const snippet = (ref.content || (attached ? 'Click to see attachment' : '')).slice(0, 120);
    return h(
      'div',
      { class: 'message-context' },
      icon('reply', 14),
      h('span', { class: 'context-name' }, authorName(ref.author)),
      h('span', { class: 'context-snippet' }, renderInline(snippet.replace(/\n/g, ' '), { links: false })),
    );
  }
  return null;
}

const AVATAR_COLOURS = ['#5865f2', '#3ba55c', '#faa61a', '#ed4245', '#eb459e', '#00a8fc', '#9b59b6'];

/** @param {Author} author */
function avatar(author) {
  const name = authorName(author);
  let hash = 0;
  for (const c of author?.id ?? name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const colour = author?.bot ? '#5865f2' : (AVATAR_COLOURS[hash % AVATAR_COLOURS.length] ?? '#5865f2');
  const el = h(
    'div',
    { class: 'avatar', 'aria-hidden': 'true' },
    Array.from(name.trim())[0]?.toUpperCase() ?? '?',
  );
  el.style.backgroundColor = colour;
  return el;
}

/** @param {Message} m */
function messageHeader(m) {
  return h(
    'h3',
    { class: 'message-header' },
    h('span', { class: 'author-name' }, authorName(m.author)),
    m.author.bot ? h('span', { class: 'bot-tag' }, 'BOT') : null,
    h(
      'time',
      { class: 'message-time', datetime: m.timestamp, title: longTime(m.timestamp) },
      longishTime(m.timestamp),
    ),
  );
}

/**
 * @param {Message} m
 * @param {number} flags
 */
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

/**
 * @param {Message} m
 * @param {() => void} onDismiss
 */
function ephemeralNote(m, onDismiss) {
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
          onDismiss();
        },
      },
      'Dismiss message',
    ),
  );
}

/** @param {{ id: string, name?: string | null }} thread */
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

/**
 * A "started a thread" system message (type 18).
 * @param {Message} m
 */
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
