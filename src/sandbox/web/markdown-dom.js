// @ts-check
/**
 * Turns the markdown tree (markdown.js) into elements: mentions and channel links name what the
 * sandbox knows, links to Discord open inside the sandbox, spoilers reveal on click.
 */
import { append, h, icon } from './dom.js';
import { parseInline, parseMarkdown } from './markdown.js';
import { channelById, channelHref, isThread, nameOf } from './state.js';

/** @typedef {import('./markdown.js').Block} Block */
/** @typedef {import('./inline.js').Inline} Inline */
/** @typedef {import('./inline.js').InlineOptions} InlineOptions */

/**
 * Message text with Discord's markdown, as elements.
 * @param {string} text
 * @param {InlineOptions} [opts]
 */
export function renderMarkdown(text, opts = { links: true }) {
  const frag = document.createDocumentFragment();
  append(frag, parseMarkdown(text, opts).map(blockNode));
  return frag;
}

/**
 * One line's inline markdown (no blocks), as elements.
 * @param {string} text
 * @param {InlineOptions} [opts]
 */
export function renderInline(text, opts = { links: true }) {
  return inlineNodes(parseInline(text, opts));
}

/**
 * @param {Block} block
 * @returns {HTMLElement}
 */
function blockNode(block) {
  switch (block.type) {
    case 'codeblock':
      return h('pre', { class: 'md-codeblock' }, h('code', {}, block.code));
    case 'quote':
      return h('blockquote', { class: 'md-quote' }, block.children.map(blockNode));
    case 'heading': {
      const tag = /** @type {'h3' | 'h4' | 'h5'} */ (`h${block.level + 2}`);
      return h(tag, { class: `md-h md-h${block.level}` }, inlineNodes(block.children));
    }
    case 'subtext':
      return h('small', { class: 'md-subtext' }, inlineNodes(block.children));
    case 'list':
      return h(
        block.ordered ? 'ol' : 'ul',
        { class: 'md-list', start: block.ordered && block.start !== 1 ? block.start : null },
        block.items.map((item) => h('li', {}, inlineNodes(item))),
      );
    case 'paragraph':
      return h(
        'div',
        { class: 'md-text' },
        inlineNodes(block.children),
        block.trailingBreak ? h('br') : null,
      );
  }
}

/** @param {readonly Inline[]} nodes */
function inlineNodes(nodes) {
  const frag = document.createDocumentFragment();
  for (const node of nodes) frag.append(inlineNode(node));
  return frag;
}

/**
 * @param {Inline} node
 * @returns {Node | string}
 */
function inlineNode(node) {
  switch (node.type) {
    case 'text':
      return textWithBreaks(node.text);
    case 'code':
      return h('code', { class: 'md-code' }, node.code);
    case 'mention':
      return mention(node.kind, node.id);
    case 'timestamp':
      return timestampNode(node.date, node.style);
    case 'emoji':
      return `:${node.name}:`;
    case 'link':
      return link(node.href, node.raw === node.href ? node.href : inlineNodes(node.children));
    case 'style':
      return node.style === 'spoiler'
        ? spoiler(inlineNodes(node.children))
        : h(node.style, { class: `md-${node.style}` }, inlineNodes(node.children));
  }
}

/**
 * Text with line breaks as <br>.
 * @param {string} text
 */
function textWithBreaks(text) {
  const frag = document.createDocumentFragment();
  text.split('\n').forEach((line, k) => {
    if (k > 0) frag.append(h('br'));
    if (line) frag.append(line);
  });
  return frag;
}

/**
 * @param {'user' | 'role' | 'channel'} kind
 * @param {string} id
 */
function mention(kind, id) {
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

/** @type {Record<string, Intl.DateTimeFormatOptions>} */
const TIMESTAMP_FORMATS = {
  t: { timeStyle: 'short' },
  T: { timeStyle: 'medium' },
  d: { dateStyle: 'short' },
  D: { dateStyle: 'long' },
  f: { dateStyle: 'long', timeStyle: 'short' },
  F: { dateStyle: 'full', timeStyle: 'short' },
};

/**
 * @param {Date} date
 * @param {string} style
 */
function timestampNode(date, style) {
  const full = new Intl.DateTimeFormat(undefined, TIMESTAMP_FORMATS.F).format(date);
  const text =
    style === 'R'
      ? relativeTime(date)
      : new Intl.DateTimeFormat(undefined, TIMESTAMP_FORMATS[style]).format(date);
  return h('time', { class: 'md-time', datetime: date.toISOString(), title: full }, text);
}

/** @type {[Intl.RelativeTimeFormatUnit, number][]} */
const UNITS = [
  ['year', 31536000],
  ['month', 2592000],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** @param {Date} date */
function relativeTime(date) {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/** @param {Node} inner */
function spoiler(inner) {
  const el = h(
    'span',
    { class: 'md-spoiler', role: 'button', tabindex: '0', 'aria-label': 'Spoiler, click to reveal' },
    inner,
  );
  const reveal = () => {
    el.classList.add('revealed');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  };
  el.addEventListener('click', reveal);
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') reveal();
  });
  return el;
}

/** A link to a channel or message on Discord: https://discord.com/channels/<guild>/<channel>[/<message>]. */
const DISCORD_LINK =
  /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/channels\/(?:\d+|@me)\/(\d+)(?:\/(\d+))?\/?$/;

/**
 * Where a Discord link leads inside the sandbox, or null for any other link.
 * @param {string | null | undefined} href
 */
export function sandboxTarget(href) {
  const m = DISCORD_LINK.exec(href ?? '');
  return m ? { channelId: m[1] ?? '', messageId: m[2] ?? '' } : null;
}

/**
 * A link. One to a Discord channel or message opens that place in the sandbox instead of leaving it,
 * shown as Discord shows it: "#channel › message" (when the link shows its own URL).
 * @param {string} href
 * @param {string | Node} content
 */
export function link(href, content) {
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
