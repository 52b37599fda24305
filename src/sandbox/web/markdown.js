// @ts-check
/**
 * Discord's flavour of markdown, parsed into a tree of plain objects. Pure: no DOM, so Node can
 * import and test it (tests/sandbox/web/markdown.test.ts); markdown-dom.js turns the tree into
 * elements. Text only ever ends up in `text` nodes, so nothing in a message can become markup.
 */
import { parseInline } from './inline.js';

export { parseInline };

/** @typedef {import('./inline.js').Inline} Inline */
/** @typedef {import('./inline.js').InlineOptions} InlineOptions */

/**
 * @typedef {{ type: 'codeblock', code: string }
 *   | { type: 'quote', children: Block[] }
 *   | { type: 'heading', level: 1 | 2 | 3, children: Inline[] }
 *   | { type: 'subtext', children: Inline[] }
 *   | { type: 'list', ordered: boolean, start: number, items: Inline[][] }
 *   | { type: 'paragraph', children: Inline[], trailingBreak: boolean }} Block
 * A block node. A paragraph is a run of lines; its text keeps its line breaks ("\n").
 */
/**
 * Parses message text: code blocks, quotes, headings, subtext, lists, then inline markdown.
 * @param {string} text
 * @param {InlineOptions} [opts]
 * @returns {Block[]}
 */
export function parseMarkdown(text, opts = { links: true }) {
  return splitFences(text.replace(/\s+$/, '')).flatMap((part) =>
    'code' in part
      ? [{ type: /** @type {const} */ ('codeblock'), code: part.code }]
      : parseLines(part.text.split('\n'), opts, false),
  );
}

/**
 * Odd number of backslashes before `index`: the character there is escaped.
 * @param {string} src
 * @param {number} index
 */
function isEscaped(src, index) {
  let n = 0;
  for (let i = index - 1; i >= 0 && src[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/**
 * Splits out ```fenced``` code blocks (their content is shown as is).
 * @param {string} text
 * @returns {({ text: string } | { code: string })[]}
 */
function splitFences(text) {
  /** @type {({ text: string } | { code: string })[]} */
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
    parts.push({ code: (m[1] ?? '').replace(/\n$/, '') });
    last = fence.lastIndex;
    if (text[last] === '\n') last++; // Discord drops the line break right after a block
    fence.lastIndex = last;
  }
  parts.push({ text: text.slice(last) });
  return parts.filter((p) => 'code' in p || p.text !== '');
}

const HEADING = /^(#{1,3}) +(\S.*)$/;
const SUBTEXT = /^-# +(\S.*)$/;
const LIST_ITEM = /^ *([-*]|\d{1,9}\.) +(\S.*)$/;

/** @param {string} line */
const isQuoteLine = (line) => line.startsWith('> ') || line === '>';

/**
 * Block-level markdown, line by line. Lines that are not blocks are grouped into runs of text.
 * @param {string[]} lines
 * @param {InlineOptions} opts
 * @param {boolean} inQuote
 * @returns {Block[]}
 */
function parseLines(lines, opts, inQuote) {
  /** @type {Block[]} */
  const blocks = [];
  /** @type {string[]} */
  let run = [];
  const flush = () => {
    if (run.length > 0) blocks.push(paragraph(run, opts));
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!inQuote && (line.startsWith('>>> ') || line === '>>>')) {
      // ">>> " quotes everything after it.
      flush();
      blocks.push({
        type: 'quote',
        children: parseLines([line.slice(4), ...lines.slice(i + 1)], opts, true),
      });
      return blocks;
    }
    const taken = inQuote ? [] : takeWhile(lines, i, isQuoteLine);
    if (taken.length > 0) {
      flush();
      blocks.push({
        type: 'quote',
        children: parseLines(
          taken.map((l) => l.slice(2)),
          opts,
          true,
        ),
      });
      i += taken.length - 1;
      continue;
    }
    const block = lineBlock(line, opts);
    if (block) {
      flush();
      blocks.push(block);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      const ordered = /^ *\d/.test(line);
      const items = takeWhile(lines, i, (l) => LIST_ITEM.test(l) && /^ *\d/.test(l) === ordered);
      i += items.length - 1;
      const matches = items.map((l) => /** @type {RegExpExecArray} */ (LIST_ITEM.exec(l)));
      blocks.push({
        type: 'list',
        ordered,
        start: ordered ? parseInt(matches[0]?.[1] ?? '1', 10) : 1,
        items: matches.map((m) => parseInline(m[2] ?? '', opts)),
      });
      continue;
    }
    run.push(line);
  }
  flush();
  return blocks;
}

/**
 * The lines from `from` on that pass `test` (none when the first does not).
 * @param {string[]} lines
 * @param {number} from
 * @param {(line: string) => boolean} test
 */
function takeWhile(lines, from, test) {
  let end = from;
  while (end < lines.length && test(lines[end] ?? '')) end++;
  return lines.slice(from, end);
}

/**
 * A heading or subtext line, or null.
 * @param {string} line
 * @param {InlineOptions} opts
 * @returns {Block | null}
 */
function lineBlock(line, opts) {
  const heading = HEADING.exec(line);
  if (heading) {
    const level = /** @type {1 | 2 | 3} */ ((heading[1] ?? '#').length);
    return { type: 'heading', level, children: parseInline(heading[2] ?? '', opts) };
  }
  const subtext = SUBTEXT.exec(line);
  if (subtext) return { type: 'subtext', children: parseInline(subtext[1] ?? '', opts) };
  return null;
}

/**
 * Lines of plain text (with inline markdown); line breaks are kept, including empty lines.
 * @param {string[]} lines
 * @param {InlineOptions} opts
 * @returns {Block}
 */
function paragraph(lines, opts) {
  // A trailing empty line still shows.
  return {
    type: 'paragraph',
    children: parseInline(lines.join('\n'), opts),
    trailingBreak: lines.at(-1) === '',
  };
}
