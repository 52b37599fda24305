/**
 * The passage index: MiniSearch over every quotable passage (captions and credits are never
 * indexed), with what the re-ranking and the query plan read beside it. Both the source wording
 * and the corrected wording of a passage are searchable, and so are the names of the people whose
 * words it holds (its voice and the people quoted in it: see speakers.ts), boosted, so that a
 * person's name in a query finds their words first.
 */
import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Passage } from '../../content/types.js';
import { indexTerms, phraseForm, words } from '../text.js';
import { wordNetMaps, withFamily } from './families.js';
import { indexedNames, nameIndexWords } from './speakers.js';

/** A passage's text reduced for phrase checks; `corrected` is empty when there are no corrections. */
export interface PhraseForms {
  readonly text: string;
  readonly corrected: string;
}

export interface SearchIndex {
  readonly mini: MiniSearch<IndexedPassage>;
  readonly passages: ReadonlyMap<string, Passage>;
  /** Passage text reduced for phrase checks, precomputed. Keys are passage ids. */
  readonly phraseForms: ReadonlyMap<string, PhraseForms>;
  /** How many passages contain each index term in their text, for weighting query terms. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  /**
   * How many passages hold each term of a person's name (see speakers.ts), apart: a name is searched
   * as a word, but a word being typed is completed from the text only, so that "in" does not become
   * "Ines" for every passage of a speaker called Ines.
   */
  readonly nameFrequency: ReadonlyMap<string, number>;
  /** The same, as a radix tree: completes a word being typed. */
  readonly vocabulary: SearchableMap<number>;
}

export interface IndexedPassage {
  readonly id: string;
  readonly text: string;
  /** Only the words that corrections introduce, so corrected passages are not counted twice. */
  readonly corrected: string;
  /** The names of the people whose words it holds, as words, also without accents. */
  readonly speakers: string;
}

/** Options used both to build and to load a saved index, so the two can never disagree. */
export const MINI_OPTIONS: Options<IndexedPassage> = {
  fields: ['text', 'corrected', 'speakers'],
  storeFields: [],
  // Documents arrive already split into words (see createSearchIndex).
  tokenize: (text: string) => text.split(' '),
  // A word of a WordNet family is also indexed under the family's term (see families.ts).
  processTerm: (term: string) => [...withFamily(indexTerms(term))],
  searchOptions: { processTerm: (term: string) => term },
};

/** Builds the index over the given passages. */
export function createSearchIndex(passages: Iterable<Passage>): SearchIndex {
  const mini = new MiniSearch<IndexedPassage>(MINI_OPTIONS);
  const list = [...passages];
  const documentFrequency = new Map<string, number>();
  const docs: IndexedPassage[] = [];
  for (const p of list) {
    const { doc, terms } = indexedPassage(p);
    docs.push(doc);
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  mini.addAll(docs);
  return assembleIndex(mini, list, documentFrequency);
}

/** A passage as MiniSearch indexes it, and every index term it holds. */
function indexedPassage(p: Passage): { doc: IndexedPassage; terms: Set<string> } {
  // Each text is split into words once; MiniSearch gets them space-separated.
  const textWords = words(p.text).map((w) => w.word);
  const terms = new Set(textWords.flatMap((w) => withFamily(indexTerms(w))));
  // Of the corrected wording, only the words that corrections introduce, so a corrected
  // passage is not counted twice.
  const introduced: string[] = [];
  if (p.corrected !== p.text) {
    const have = new Set(terms);
    for (const { word } of words(p.corrected)) {
      const ts = withFamily(indexTerms(word));
      if (ts.some((t) => !have.has(t))) introduced.push(word);
      for (const t of ts) terms.add(t);
    }
  }
  const speakers = speakerWords(p);
  const doc = {
    id: p.id,
    text: textWords.join(' '),
    corrected: introduced.join(' '),
    speakers: speakers.join(' '),
  };
  return { doc, terms };
}

/** The words of the names indexed for a passage (see {@link nameIndexWords}). */
function speakerWords(p: Passage): string[] {
  return indexedNames(p).flatMap(nameIndexWords);
}

/** The index around a built or restored MiniSearch, over the passages it indexes. */
export function assembleIndex(
  mini: MiniSearch<IndexedPassage>,
  passages: readonly Passage[],
  documentFrequency: ReadonlyMap<string, number>,
): SearchIndex {
  const byId = new Map<string, Passage>();
  const phraseForms = new Map<string, PhraseForms>();
  const nameFrequency = new Map<string, number>();
  for (const p of passages) {
    byId.set(p.id, p);
    phraseForms.set(p.id, phraseFormsOf(p));
    countNameTerms(nameFrequency, p);
  }
  const vocabulary = SearchableMap.from<number>(documentFrequency) as SearchableMap<number>;
  // WordNet is read now, not at the first search, also when a saved index was restored.
  wordNetMaps();
  return { mini, passages: byId, phraseForms, documentFrequency, nameFrequency, vocabulary };
}

/** Counts the terms of the names a passage holds into `nameFrequency` (see SearchIndex). */
export function countNameTerms(nameFrequency: Map<string, number>, p: Passage): void {
  for (const t of new Set(speakerWords(p).flatMap((w) => indexTerms(w))))
    nameFrequency.set(t, (nameFrequency.get(t) ?? 0) + 1);
}

function phraseFormsOf(p: Passage): PhraseForms {
  return { text: phraseForm(p.text), corrected: p.corrected === p.text ? '' : phraseForm(p.corrected) };
}

/** Whether a passage's source or corrected wording contains `needle` (in phrase form). */
export function inEither(forms: PhraseForms | undefined, needle: string, typing: boolean): boolean {
  if (!forms) return false;
  return (
    containsForm(forms.text, needle, typing) ||
    (forms.corrected !== '' && containsForm(forms.corrected, needle, typing))
  );
}

function containsForm(haystack: string, needle: string, typing: boolean): boolean {
  // While typing, the needle's last word may be cut short: drop its closing space.
  return haystack.includes(typing ? needle.trimEnd() : needle);
}
