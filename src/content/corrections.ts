/**
 * Editorial corrections: a garbled phrase in the source is shown with the intended wording in
 * [square brackets], the standard mark for an editor's change inside a quotation. Only the words
 * that differ are bracketed: "Jap European politics" → "[Eastern] European politics".
 * The source wording itself is never altered; this only derives what a reader sees.
 */
import type { Correction } from './types.js';

interface Token {
  readonly text: string;
  /** Whitespace before the token in its phrase. */
  readonly space: string;
}

const LEADING = /^[“"‘([]+/;
const TRAILING = /[”"’),.;:!?\]]+$/;

// Words, with surrounding punctuation split off so brackets never swallow a comma or a quote mark.
// Abbreviations ("U.S.") keep their dots.
function tokenize(phrase: string): Token[] {
  const out: Token[] = [];
  for (const m of phrase.matchAll(/(\s*)(\S+)/g)) {
    let space = m[1] ?? '';
    let word = m[2] ?? '';
    const lead = LEADING.exec(word)?.[0] ?? '';
    if (lead && lead.length < word.length) {
      out.push({ space, text: lead });
      word = word.slice(lead.length);
      space = '';
    }
    let trail = /^(?:\p{L}\.)+$/u.test(word) ? '' : (TRAILING.exec(word)?.[0] ?? '');
    if (trail.length === word.length) trail = '';
    out.push({ space, text: word.slice(0, word.length - trail.length) });
    if (trail) out.push({ space: '', text: trail });
  }
  return out;
}

/** For each token of `b`, whether it is kept from `a` (longest common subsequence of tokens). */
function keptTokens(a: readonly Token[], b: readonly Token[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        a[i]?.text === b[j]?.text
          ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  // Walk the table to an edit script: keep, delete (a only) or insert (b only).
  const ops: ('keep' | 'del' | 'ins')[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i]?.text === b[j]?.text) {
      ops.push('keep');
      i++;
      j++;
    } else if (j >= m || (i < n && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push('del');
      i++;
    } else {
      ops.push('ins');
      j++;
    }
  }
  const kept: boolean[] = [];
  let pendingDeletion = false;
  for (const op of ops) {
    if (op === 'del') {
      pendingDeletion = true;
      continue;
    }
    if (op === 'ins') {
      kept.push(false);
    } else if (pendingDeletion && kept.length > 0 && kept[kept.length - 1] === true) {
      // A deletion between two kept words would vanish without a mark: bracket the word before it.
      kept[kept.length - 1] = false;
      kept.push(true);
    } else {
      // A deletion at the very start marks the first kept word.
      kept.push(!(pendingDeletion && kept.length === 0));
    }
    pendingDeletion = false;
  }
  if (pendingDeletion && kept.length > 0) kept[kept.length - 1] = false;
  return kept;
}

/** Renders the intended wording with the changed words in brackets. */
export function bracketChanges(from: string, to: string): string {
  const a = tokenize(from);
  const b = tokenize(to);
  const kept = keptTokens(a, b);
  let out = '';
  let open = false;
  for (const [j, tok] of b.entries()) {
    const changed = !kept[j];
    if (changed && !open) {
      out += `${tok.space}[${tok.text}`;
      open = true;
    } else if (!changed && open) {
      out += `]${tok.space}${tok.text}`;
      open = false;
    } else {
      out += tok.space + tok.text;
    }
  }
  if (open) out += ']';
  return out;
}

export interface CorrectedText {
  /** With bracketed corrections, for readers. */
  readonly display: string;
  /** With corrections applied plainly, for search. */
  readonly corrected: string;
  /** The corrections that applied to this text. */
  readonly applied: readonly Correction[];
}

export interface CorrectionOverlap {
  readonly a: Correction;
  readonly b: Correction;
}

/**
 * Applies every correction at every place its `from` occurs. Overlapping corrections are
 * reported rather than guessed at; the later one is skipped.
 */
export function applyCorrections(
  text: string,
  corrections: readonly Correction[],
): CorrectedText & { overlaps: CorrectionOverlap[] } {
  const hits: { start: number; end: number; c: Correction }[] = [];
  for (const c of corrections) {
    if (c.from.length === 0) continue;
    for (let at = text.indexOf(c.from); at !== -1; at = text.indexOf(c.from, at + c.from.length)) {
      hits.push({ start: at, end: at + c.from.length, c });
    }
  }
  hits.sort((x, y) => x.start - y.start || y.end - x.end);
  const overlaps: CorrectionOverlap[] = [];
  const chosen: typeof hits = [];
  for (const h of hits) {
    const last = chosen.at(-1);
    if (last && h.start < last.end) {
      overlaps.push({ a: last.c, b: h.c });
      continue;
    }
    chosen.push(h);
  }
  let display = '';
  let corrected = '';
  let pos = 0;
  for (const h of chosen) {
    display += text.slice(pos, h.start) + bracketChanges(h.c.from, h.c.to);
    corrected += text.slice(pos, h.start) + h.c.to;
    pos = h.end;
  }
  display += text.slice(pos);
  corrected += text.slice(pos);
  const applied = [...new Set(chosen.map((h) => h.c))];
  return { display, corrected, applied, overlaps };
}
