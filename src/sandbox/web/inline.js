// @ts-check
/**
 * Discord's inline markdown (emphasis, code, mentions, timestamps, emoji, links), parsed into
 * plain objects. Pure, like markdown.js: markdown-dom.js builds the elements.
 */

/**
 * @typedef {{ type: 'text', text: string }
 *   | { type: 'code', code: string }
 *   | { type: 'mention', kind: 'user' | 'role' | 'channel', id: string }
 *   | { type: 'timestamp', date: Date, style: TimestampStyle }
 *   | { type: 'emoji', name: string }
 *   | { type: 'link', href: string, children: Inline[], raw?: string }
 *   | { type: 'style', style: 'strong' | 'em' | 'u' | 's' | 'spoiler', children: Inline[] }} Inline
 * An inline node. A link's `raw` is the URL as written, when the link shows it (not [masked](…)).
 */
/** @typedef {'t' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R'} TimestampStyle */
/** @typedef {{ links: boolean }} InlineOptions Whether links are made (not inside a link's own text). */
/** @typedef {{ node: Inline, end: number }} Match */

/** @param {string | undefined} c */
const isPunct = (c) => c !== undefined && /[!-/:-@[-`{-~]/.test(c);
/** @param {string | undefined} c */
const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Inline markdown: escapes, code, mentions, links, emphasis. Line breaks stay in the text.
 * @param {string} src
 * @param {InlineOptions} [opts]
 * @returns {Inline[]}
 */
export function parseInline(src, opts = { links: true }) {
  /** @type {Inline[]} */
  const out = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    const next = src[i + 1];
    if (c === '\\' && next !== undefined && isPunct(next)) {
      text += next; // "\*" shows "*"
      i += 2;
      continue;
    }
    const match = inlineRule(src, i, opts);
    if (match?.node.type === 'text') {
      text += match.node.text; // e.g. an unclosed run of backticks
      i = match.end;
      continue;
    }
    if (match) {
      flush();
      out.push(match.node);
      i = match.end;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/**
 * @param {string} src
 * @param {number} i
 * @param {InlineOptions} opts
 * @returns {Match | null}
 */
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

/**
 * `code` or ``code with ` inside``. An unclosed run of backticks is plain text.
 * @param {string} src
 * @param {number} i
 * @returns {Match}
 */
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
    return { node: { type: 'code', code }, end: j + n };
  }
  return { node: { type: 'text', text: ticks }, end: i + n };
}

/** @type {[RegExp, (m: RegExpExecArray) => Inline | null][]} */
const ANGLE_RULES = [
  [/<@!?(\d{1,20})>/y, (m) => ({ type: 'mention', kind: 'user', id: m[1] ?? '' })],
  [/<@&(\d{1,20})>/y, (m) => ({ type: 'mention', kind: 'role', id: m[1] ?? '' })],
  [/<#(\d{1,20})>/y, (m) => ({ type: 'mention', kind: 'channel', id: m[1] ?? '' })],
  [/<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y, (m) => timestamp(Number(m[1]), m[2] ?? 'f')],
  [/<a?:(\w{2,32}):\d{1,20}>/y, (m) => ({ type: 'emoji', name: m[1] ?? '' })],
];
const ANGLE_LINK = /<(https?:\/\/[^\s>]+)>/y;

/**
 * A <t:seconds:style> timestamp, or null for a time no date can hold.
 * @param {number} seconds
 * @param {string} style
 * @returns {Inline | null}
 */
function timestamp(seconds, style) {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return null;
  return { type: 'timestamp', date, style: /** @type {TimestampStyle} */ (style) };
}

/**
 * Mentions, channel links, timestamps, custom emoji and <https://…> links.
 * @param {string} src
 * @param {number} i
 * @param {InlineOptions} opts
 * @returns {Match | null}
 */
function angleRule(src, i, opts) {
  for (const [re, make] of ANGLE_RULES) {
    re.lastIndex = i;
    const m = re.exec(src);
    const node = m && make(m);
    if (node) return { node, end: re.lastIndex };
  }
  if (opts.links) {
    ANGLE_LINK.lastIndex = i;
    const m = ANGLE_LINK.exec(src);
    const raw = m?.[1] ?? '';
    const href = m && safeUrl(raw);
    if (href) return { node: link(href, raw), end: ANGLE_LINK.lastIndex };
  }
  return null;
}

/**
 * A link that shows its URL as written.
 * @param {string} href
 * @param {string} raw
 * @returns {Inline}
 */
function link(href, raw) {
  return { type: 'link', href, raw, children: [{ type: 'text', text: raw }] };
}

/**
 * Only http(s) links are ever made clickable: the normalised URL, or null.
 * @param {string | null | undefined} raw
 * @returns {string | null}
 */
export function safeUrl(raw) {
  try {
    const url = new URL(raw ?? '');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const LINK_TARGET = /\(\s*<?(https?:\/\/[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)>?\s*\)/y;

/**
 * [text](https://…): the text may hold inline markdown, but no links.
 * @param {string} src
 * @param {number} i
 * @param {InlineOptions} opts
 * @returns {Match | null}
 */
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
  const children = parseInline(label, { ...opts, links: false });
  return { node: { type: 'link', href, children }, end: LINK_TARGET.lastIndex };
}

/**
 * https://… in text. Escaped characters count as part of the URL; trailing punctuation does not.
 * @param {string} src
 * @param {number} i
 * @returns {Match | null}
 */
function bareUrl(src, i) {
  if (!/^https?:\/\//.test(src.slice(i, i + 8)) || isWordChar(src[i - 1])) return null;
  /** @type {[number, string][]} [characters consumed in src, character] */
  const chars = [];
  let j = i;
  while (j < src.length) {
    const c = src[j] ?? '';
    const next = src[j + 1];
    if (c === '\\' && next !== undefined && isPunct(next)) {
      chars.push([2, next]);
      j += 2;
    } else if (/[\s<\\]/.test(c)) {
      break;
    } else {
      chars.push([1, c]);
      j++;
    }
  }
  const text = () => chars.map((c) => c[1]).join('');
  while (chars.length > 0) {
    const last = chars[chars.length - 1]?.[1] ?? '';
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

/** @type {[string, 'strong' | 'em' | 'u' | 's' | 'spoiler'][]} */
const DELIMITERS = [
  ['**', 'strong'],
  ['__', 'u'],
  ['~~', 's'],
  ['||', 'spoiler'],
  ['*', 'em'],
  ['_', 'em'],
];

/**
 * **bold**, __underline__, ~~strike~~, ||spoiler||, *italic*, _italic_ (nested freely).
 * @param {string} src
 * @param {number} i
 * @param {InlineOptions} opts
 * @returns {Match | null}
 */
function emphasis(src, i, opts) {
  for (const [delim, style] of DELIMITERS) {
    if (!src.startsWith(delim, i)) continue;
    const start = i + delim.length;
    if (delim === '*' && /\s/.test(src[start] ?? ' ')) continue;
    if (delim === '_' && isWordChar(src[i - 1])) continue; // snake_case is not italic
    const end = findClose(src, start, delim);
    if (end < 0) continue;
    const children = parseInline(src.slice(start, end), opts);
    return { node: { type: 'style', style, children }, end: end + delim.length };
  }
  return null;
}

/**
 * Where `delim` closes, skipping escapes and code spans. Inside a run of the delimiter character
 * the last one(s) close, so `***a***` is bold + italic; `**` inside `*…*` belongs to bold text.
 * @param {string} src
 * @param {number} from
 * @param {string} delim
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

/**
 * @param {string} src
 * @param {number} at
 * @param {string} delim
 */
function closes(src, at, delim) {
  if (delim === '*') return !/\s/.test(src[at - 1] ?? '');
  if (delim === '_') return !isWordChar(src[at + 1]);
  return true;
}
