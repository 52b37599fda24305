/**
 * How a word the articles do not have is read as one they do: its near-spellings (a swap of two
 * neighbouring letters counting as one edit), the words a misspelled beginning starts, and the words
 * a compound joins ("nordstream" → "nord" + "stream").
 */
import type SearchableMap from 'minisearch/SearchableMap';
import { stem } from '../text.js';
import { MAX_SPELLED_LENGTH, MIN_COMPOUND_PART } from './tuning.js';

/** Words of the vocabulary → [how many passages hold them, edits away]. */
export type NearWords = Map<string, [number, number]>;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** `term` with the pair of neighbouring letters at `at` and `at + 1` swapped. */
function swapAt(term: string, at: number): string {
  return term.slice(0, at) + (term[at + 1] ?? '') + (term[at] ?? '') + term.slice(at + 2);
}

/** `term` with each pair of neighbouring letters swapped, once each. */
export function transpositions(term: string): string[] {
  const swapped = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) if (term[i] !== term[i + 1]) swapped.add(swapAt(term, i));
  return [...swapped];
}

/** Whether some word of the vocabulary begins with `beginning`. */
function begins(vocabulary: SearchableMap<number>, beginning: string): boolean {
  return beginning === '' || vocabulary.atPrefix(beginning).keys().next().done !== true;
}

/**
 * How many letters of `term` some word of the vocabulary begins with. An edit after them cannot
 * lead to a word: those lookups are skipped.
 */
export function knownBeginning(vocabulary: SearchableMap<number>, term: string): number {
  let lo = 0;
  let hi = term.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (begins(vocabulary, term.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Words of the vocabulary within `distance` (1 or 2) edits of `term`, where a swap of two
 * neighbouring letters is one edit (Damerau): "ruboi" → "rubio", "airprot" → "airport". Swaps are
 * looked up in words of at most {@link MAX_SPELLED_LENGTH} letters; a swap and another edit only
 * when no word is one edit away, and until `deadline` (a `performance.now()` time).
 */
export function nearSpellings(
  vocabulary: SearchableMap<number>,
  term: string,
  distance: number,
  deadline = Infinity,
): NearWords {
  const found: NearWords = new Map();
  const add = (word: string, edits: number, n = vocabulary.get(word)) => {
    const had = found.get(word);
    if (n !== undefined && (had === undefined || had[1] > edits)) found.set(word, [n, edits]);
  };
  for (const [word, [n, edits]] of vocabulary.fuzzyGet(term, distance)) add(word, edits, n);
  if (term.length > MAX_SPELLED_LENGTH) return found;
  const known = knownBeginning(vocabulary, term);
  // A word is the swapped term exactly: it begins with the letters before the swap.
  for (let i = 0; i + 1 < term.length && i <= known; i++)
    if (term[i] !== term[i + 1]) add(swapAt(term, i), 1);
  // A swap and another edit cost as many lookups as the letters: only when nothing is one edit away.
  if (distance < 2 || [...found.values()].some(([, edits]) => edits <= 1)) return found;
  for (let i = 0; i + 1 < term.length && performance.now() <= deadline; i++) {
    if (term[i] === term[i + 1]) continue;
    const swapped = swapAt(term, i);
    for (const [word, [n, edits]] of vocabulary.fuzzyGet(swapped, 1)) add(word, edits + 1, n);
    for (let j = 0; j + 1 < term.length; j++)
      if (Math.min(i, j) <= known && j !== i && swapped[j] !== swapped[j + 1]) add(swapAt(swapped, j), 2);
  }
  return found;
}

/**
 * The beginnings one edit from `prefix` (a letter dropped, replaced, added, or two neighbouring
 * letters swapped), with the edit within its first `upTo` letters. Replacing the last letter, or
 * adding one after it, is left out: dropping the last letter already gives a beginning that every
 * such word starts with.
 */
export function oneEditBeginnings(prefix: string, upTo = prefix.length): string[] {
  const out = new Set<string>();
  for (let i = 0; i < prefix.length && i <= upTo; i++) {
    const before = prefix.slice(0, i);
    out.add(before + prefix.slice(i + 1));
    if (i + 1 < prefix.length) out.add(swapAt(prefix, i));
    for (const c of LETTERS) {
      out.add(before + c + prefix.slice(i));
      if (i + 1 < prefix.length && c !== prefix[i]) out.add(before + c + prefix.slice(i + 1));
    }
  }
  out.delete(prefix);
  out.delete('');
  return [...out];
}

/**
 * Words of the vocabulary that begin one edit away from `prefix` (a fuzzy prefix): while typing,
 * "amuni" → "ammunition", "zelinsk" → "zelenskyy". Each word → how many passages hold it.
 * Looks only where a word could begin (see {@link knownBeginning}), until `deadline`.
 */
export function nearCompletions(
  vocabulary: SearchableMap<number>,
  prefix: string,
  deadline: number,
): Map<string, number> {
  const found = new Map<string, number>();
  if (prefix.length > MAX_SPELLED_LENGTH) return found;
  for (const beginning of oneEditBeginnings(prefix, knownBeginning(vocabulary, prefix))) {
    if (performance.now() > deadline) break;
    for (const [word, n] of vocabulary.atPrefix(beginning)) found.set(word, n);
  }
  return found;
}

/**
 * The two words of the vocabulary a compound joins ("nordstream" → ["nord", "stream"],
 * "coaggressor" → ["co", "aggressor"]), as index terms, or undefined. Of several ways to split it,
 * the one whose rarer part is most frequent.
 */
export function splitCompound(has: (term: string) => number, word: string): [string, string] | undefined {
  let best: [string, string] | undefined;
  let bestScore = 0;
  for (let i = MIN_COMPOUND_PART; i + MIN_COMPOUND_PART <= word.length; i++) {
    const first = indexTermOf(has, word.slice(0, i));
    const second = indexTermOf(has, word.slice(i));
    if (first === undefined || second === undefined) continue;
    const score = Math.min(has(first), has(second));
    if (score > bestScore) {
      best = [first, second];
      bestScore = score;
    }
  }
  return best;
}

/** The index term a word is found by (its stem, else itself), if the vocabulary has it. */
function indexTermOf(has: (term: string) => number, word: string): string | undefined {
  if (/^\p{N}+$/u.test(word)) return undefined;
  const stemmed = stem(word);
  if (has(stemmed) > 0) return stemmed;
  return has(word) > 0 ? word : undefined;
}
