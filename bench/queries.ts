/**
 * Benchmark queries built from a corpus, each labelled with the passage it was made from:
 *
 * - `fragment`: 4–7 consecutive words copied from a passage, punctuation and all, at least two of
 *   them content words (not stop words), as a student copies a distinctive bit of text.
 * - `typo`: such a fragment with a one-edit typo (a letter replaced, dropped or added, never the
 *   first) in one word long enough for the search to tolerate a typo in it ({@link fuzzinessFor} ≥ 1).
 * - `prefix`: as-you-type, as autocomplete sees it while a student types such a fragment: cut in
 *   the middle of its last word, after at least 2 of that word's letters.
 * - `topic`: 2–3 content words of a passage, not next to each other, in passage order.
 *
 * Plus {@link hostileQueries}: inputs chosen to make one search as slow as possible.
 */
import type { Passage } from '../src/content/types.js';
import { fuzzinessFor } from '../src/core/search/index.js';
import { normalizeWord, stem, words, type WordSpan } from '../src/core/text.js';
import { Rng } from './corpus.js';

export const QUERY_TYPES = ['fragment', 'typo', 'prefix', 'topic'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export interface BenchQuery {
  readonly type: QueryType;
  readonly text: string;
  /** The passage the query was made from: the right answer. */
  readonly expect: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A content word: not a stop word, letters only, at least `min` letters. */
function isContent(w: WordSpan, min: number): boolean {
  if (!/^\p{L}+$/u.test(w.word) || w.word.length < min) return false;
  return normalizeWord(w.word) !== null;
}

/** One-edit typo inside the word (never its first letter): replace, drop or add a letter. */
function typo(rng: Rng, word: string): string {
  const at = rng.int(1, word.length - 1);
  const letter = () => LETTERS[rng.int(0, 25)] as string;
  switch (rng.int(0, 2)) {
    case 0: {
      let c = letter();
      while (c === word[at]?.toLowerCase()) c = letter();
      return word.slice(0, at) + c + word.slice(at + 1);
    }
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + letter() + word.slice(at);
  }
}

/** Whether the search tolerates a typo in this word: it and its stem are long enough. */
function typoTolerant(word: string): boolean {
  const n = normalizeWord(word);
  return n !== null && fuzzinessFor(n) >= 1 && fuzzinessFor(stem(n)) >= 1;
}

/** A fragment: 4–7 consecutive words with at least 2 content words, as word indexes [from, to]. */
function fragmentSpan(rng: Rng, ws: readonly WordSpan[]): [number, number] | undefined {
  const len = rng.int(4, 7);
  if (ws.length < len) return undefined;
  const from = rng.int(0, ws.length - len);
  const run = ws.slice(from, from + len);
  if (run.filter((w) => isContent(w, 3)).length < 2) return undefined;
  return [from, from + len - 1];
}

function makeQuery(rng: Rng, type: QueryType, p: Passage, ws: readonly WordSpan[]): string | undefined {
  const text = p.text;
  const at = (i: number) => ws[i] as WordSpan;
  switch (type) {
    case 'fragment': {
      const span = fragmentSpan(rng, ws);
      return span && text.slice(at(span[0]).start, at(span[1]).end);
    }
    case 'typo': {
      const span = fragmentSpan(rng, ws);
      if (!span) return undefined;
      const candidates = ws
        .slice(span[0], span[1] + 1)
        .filter((w) => isContent(w, 5) && typoTolerant(w.word));
      if (candidates.length === 0) return undefined;
      const target = rng.pick(candidates);
      let wrong = typo(rng, target.word);
      // The typo must still be a word the search tolerates typos in, and not the word itself.
      for (let i = 0; i < 5 && (!typoTolerant(wrong) || wrong === target.word); i++)
        wrong = typo(rng, target.word);
      if (!typoTolerant(wrong) || wrong === target.word) return undefined;
      return text.slice(at(span[0]).start, target.start) + wrong + text.slice(target.end, at(span[1]).end);
    }
    case 'prefix': {
      const span = fragmentSpan(rng, ws);
      if (!span) return undefined;
      const cut = at(span[1]);
      if (!/^\p{L}{3,}$/u.test(cut.word)) return undefined;
      const keep = rng.int(2, cut.word.length - 1);
      return text.slice(at(span[0]).start, cut.start + keep);
    }
    case 'topic': {
      const n = rng.int(2, 3);
      const content = ws.map((w, i) => ({ w, i })).filter(({ w }) => isContent(w, 4));
      const chosen: { w: WordSpan; i: number }[] = [];
      const seen = new Set<string>();
      for (let tries = 0; tries < 20 && chosen.length < n && content.length > 0; tries++) {
        const c = rng.pick(content);
        const key = normalizeWord(c.w.word) ?? '';
        if (seen.has(key) || chosen.some((o) => Math.abs(o.i - c.i) < 2)) continue;
        seen.add(key);
        chosen.push(c);
      }
      if (chosen.length < n) return undefined;
      return chosen
        .sort((a, b) => a.i - b.i)
        .map((c) => c.w.word)
        .join(' ');
    }
  }
}

/**
 * `perType` queries of each type from random passages of the corpus, deterministic for a seed.
 * Passages too short for a type are skipped (another passage is drawn).
 */
export function generateQueries(corpus: readonly Passage[], perType: number, seed: number): BenchQuery[] {
  const rng = new Rng(seed);
  const out: BenchQuery[] = [];
  for (const type of QUERY_TYPES) {
    let made = 0;
    for (let attempts = 0; made < perType && attempts < perType * 50; attempts++) {
      const p = rng.pick(corpus);
      const text = makeQuery(rng, type, p, words(p.text));
      if (text === undefined) continue;
      out.push({ type, text, expect: p.id });
      made++;
    }
  }
  return out;
}

/**
 * Queries meant to make one search slow: the shortest prefixes, the most common words, words of
 * only stop words (answered by scanning the texts), long queries of long words (typo tolerance on
 * every one), and junk.
 */
export function hostileQueries(corpus: readonly Passage[]): string[] {
  // The most common content words of the corpus.
  const counts = new Map<string, number>();
  for (const p of corpus.slice(0, 2000))
    for (const w of words(p.text))
      if (isContent(w, 4)) counts.set(w.word.toLowerCase(), (counts.get(w.word.toLowerCase()) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const longWords = [...counts.keys()].filter((w) => w.length >= 9).slice(0, 40);
  const top = common.slice(0, 12);
  return [
    'a* e* i* o* u*',
    'a e i o u',
    'th',
    'co',
    're',
    'st',
    'ab co de fi gr pr st th',
    top.slice(0, 2).join(' '),
    top.join(' '),
    `${top.join(' ')} `,
    `"${top.slice(0, 2).join(' ')}"`,
    top.map((w) => w.slice(0, 2)).join(' '),
    top.map((w) => w.slice(0, -1)).join(' '),
    top.map((w) => `${w.slice(0, 3)}*`).join(' '),
    'the of and to in',
    'to be or not to be',
    'the of and to in that it was for on as with by at from',
    '"the of and to"',
    `the ${top.slice(0, 6).join(' the ')} th`,
    `${top.slice(0, 11).join(' ')} co`,
    `${top.slice(0, 11).join(' ')} co`.toUpperCase(),
    top.map((w) => `"${w}"`).join(' '),
    `"${top.join(' ')}`,
    longWords.join(' ').slice(0, 300),
    longWords
      .map((w) => typoOf(w))
      .join(' ')
      .slice(0, 300),
    common.slice(0, 60).join(' ').slice(0, 300),
    'abcdefghijklmnopqrstuvwxyz'.repeat(12).slice(0, 300),
    'qwertyuiop asdfghjkl zxcvbnm poiuytrewq lkjhgfdsa mnbvcxz qazwsxedc rfvtgbyhn ujmikolp'.repeat(4),
    'x '.repeat(3000),
    'a'.repeat(6000),
    'e'.repeat(299) + ' ',
    '🙂🙂 th 🙂',
    '.*+?^${}()|[]\\',
    '"unclosed phrase th',
    '"a" "b" "c" "d" "e" "f" "g" "h"',
  ];
}

/** A fixed typo: the third letter doubled. */
function typoOf(w: string): string {
  return w.slice(0, 3) + w.slice(2);
}
