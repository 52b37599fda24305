/**
 * What a reader of a passage sees of a compare query: which of its words appear in the passage's
 * displayed wording (its corrected text, as shown with [brackets]) or in the names shown above it,
 * and how much of the query's weight they cover when only words close together count.
 *
 * The words of a query count together only inside one window: at most {@link TERM_WINDOW}
 * consecutive words of one sentence (stop words count as words), in any order. So
 * `national security` matches "national security" and "security of the nation", but not
 * "the Security Act." in one sentence with "nationals" in the next. A word in a name shown above
 * the passage (its speaker, the people it quotes) counts with every window.
 */
import type { Passage } from '../content/types.js';
import type { SearchHit } from './search/index.js';
import { innerQuotesLine, speakerLine } from './reader-text.js';
import { indexTerms, words } from './text.js';

/** Most consecutive words, within one sentence, that the counted words of a query may span. */
export const TERM_WINDOW = 8;

/** Short words ending in a full stop that do not end a sentence ("Mr. Trump"). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st prof gen sen rep gov lt col sgt jr sr no vs etc inc co corp approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

interface SeenWord {
  /** The word's index terms (stem and word). */
  readonly terms: readonly string[];
  /** The word lower-cased, apostrophes and dots removed, for "begins with the stem". */
  readonly plain: string;
  readonly sentence: number;
  readonly position: number;
}

const plainOf = (word: string) => word.toLowerCase().replace(/['.]/g, '');

/** The words of a text with the sentence each is in and its position among the text's words. */
function seenWords(text: string): SeenWord[] {
  const spans = words(text);
  let sentence = 0;
  return spans.map((w, k) => {
    const before = k === 0 ? '' : text.slice(spans[k - 1]?.end ?? 0, w.start);
    const previous = spans[k - 1]?.word.toLowerCase() ?? '';
    if (/[.!?]/.test(before) && !(before.trimStart().startsWith('.') && ABBREVIATIONS.has(previous)))
      sentence++;
    return { terms: indexTerms(w.word), plain: plainOf(w.word), sentence, position: k };
  });
}

/** The words of the names shown above a passage, also without accents. */
function nameWords(p: Passage): SeenWord[] {
  const shown = `${speakerLine(p)} ${innerQuotesLine(p) ?? ''}`;
  return words(shown).flatMap((w) => {
    const bare = w.word.normalize('NFKD').replace(/\p{M}+/gu, '');
    return [w.word, ...(bare === w.word ? [] : [bare])].map((word) => ({
      terms: indexTerms(word),
      plain: plainOf(word),
      sentence: -1,
      position: -1,
    }));
  });
}

/**
 * Where each query term the search credited to this hit is seen: a word whose index terms include
 * it; else a word that begins with it (a stem begins its words); else a word the search matched
 * (a near-spelling or completion of it) that no other query term claims.
 */
function termPlaces(
  seen: readonly SeenWord[],
  hit: SearchHit,
  terms: readonly string[],
): Map<string, SeenWord[]> {
  const places = new Map<string, SeenWord[]>();
  const claimed = new Set<SeenWord>();
  for (const t of terms) {
    let at = seen.filter((w) => w.terms.includes(t));
    if (at.length === 0) at = seen.filter((w) => w.plain.startsWith(t));
    for (const w of at) claimed.add(w);
    places.set(t, at);
  }
  const matched = new Set(hit.matched);
  const loose = seen.filter((w) => !claimed.has(w) && w.terms.some((x) => matched.has(x)));
  for (const t of terms) if (places.get(t)?.length === 0) places.set(t, loose);
  return places;
}

/**
 * The weight of the query terms a reader sees in the hit's passage within the best window (see the
 * module comment). `weights` holds every counted query term and its weight.
 */
export function visibleCoverage(hit: SearchHit, weights: ReadonlyMap<string, number>): number {
  const terms = [...new Set(hit.queryTerms)].filter((t) => weights.has(t));
  if (terms.length === 0) return 0;
  const inText = seenWords(hit.passage.corrected);
  const inNames = nameWords(hit.passage);
  const places = termPlaces([...inText, ...inNames], hit, terms);
  const weight = (t: string) => weights.get(t) ?? 0;
  let always = 0;
  const windowed: { term: string; word: SeenWord }[] = [];
  for (const t of terms) {
    const at = places.get(t) ?? [];
    if (at.some((w) => w.sentence === -1)) always += weight(t);
    else for (const word of at) windowed.push({ term: t, word });
  }
  let best = 0;
  for (const start of windowed) {
    const inWindow = new Set<string>();
    for (const { term, word } of windowed)
      if (
        word.sentence === start.word.sentence &&
        word.position >= start.word.position &&
        word.position < start.word.position + TERM_WINDOW
      )
        inWindow.add(term);
    best = Math.max(
      best,
      [...inWindow].reduce((sum, t) => sum + weight(t), 0),
    );
  }
  return always + best;
}
