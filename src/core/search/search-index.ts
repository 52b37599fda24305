/**
 * The passage index: MiniSearch over every quotable passage (captions and credits are never
 * indexed), with what the re-ranking and the query plan read beside it. A passage is searchable by
 * the words a reader sees (its corrected wording), and by the names of the people whose words it
 * holds (its voice and the people quoted in it: see speakers.ts), boosted, so that a person's name
 * in a query finds their words first. The copy's garbled words that a correction replaced are kept
 * in a field of their own that is searched only for a query containing the garbled phrase
 * (see copy-wording.ts).
 */
import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Passage } from '../../content/types.js';
import { compactString, indexTerms, phraseForm, uncachedIndexTerms, wordList } from '../text.js';
import { wordNetMaps, withFamily } from './families.js';
import { copyPhrasesOf, type ArticleCorrections, type CopyPhrase } from './copy-wording.js';
import { indexedNames, nameIndexWords } from './speakers.js';

/**
 * A passage's wording reduced for phrase checks: `text` as a reader sees it (corrected), `copy` as
 * the copy has it, empty when there are no corrections.
 */
export interface PhraseForms {
  readonly text: string;
  readonly copy: string;
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
  /** The corrections' garbled phrases, with the passages where they apply (see copy-wording.ts). */
  readonly copyPhrases: readonly CopyPhrase[];
}

/**
 * A passage as MiniSearch indexes it: each field already split into words (an empty field is one
 * empty word, as an empty string split on spaces is).
 */
export interface IndexedPassage {
  readonly id: string;
  /** The words a reader sees: the corrected wording. */
  readonly text: readonly string[];
  /** The copy's words that a correction replaced: searched only as copy-wording.ts says. */
  readonly copy: readonly string[];
  /** The names of the people whose words it holds, as words, also without accents. */
  readonly speakers: readonly string[];
}

/** Options used both to build and to load a saved index, so the two can never disagree. */
export const MINI_OPTIONS: Options<IndexedPassage> = {
  fields: ['text', 'copy', 'speakers'],
  storeFields: [],
  // Documents arrive already split into words (see IndexedPassage): MiniSearch gets the lists as
  // they are. (A string is split on spaces, as documents were once given.)
  stringifyField: (words: readonly string[] | string) => words as string,
  tokenize: (words: readonly string[] | string) =>
    typeof words === 'string' ? words.split(' ') : (words as string[]),
  // A word of a WordNet family is also indexed under the family's term (see families.ts).
  processTerm: (term: string) => [...withFamily(indexTerms(term))],
  // What a reader sees; the copy's replaced words only for a query with a garbled phrase.
  searchOptions: { processTerm: (term: string) => term, fields: ['text', 'speakers'] },
};

/**
 * Each word's index terms with its family term (what {@link MINI_OPTIONS}' processTerm gives),
 * worked out once per distinct word while an index is built, and let go of after: the articles
 * repeat their words, and stemming is the costly part.
 */
class BuildTerms {
  #cache: Map<string, readonly string[]> | undefined = new Map();

  of(word: string): readonly string[] {
    const cache = this.#cache;
    if (!cache) return withFamily(indexTerms(word));
    let terms = cache.get(word);
    if (terms === undefined) {
      terms = withFamily(uncachedIndexTerms(word));
      cache.set(word, terms);
    }
    return terms;
  }

  done(): void {
    this.#cache = undefined;
  }
}

/**
 * Builds the index over the given passages. `articles`: their articles' corrections, so that a
 * query with a garbled phrase of the copy finds where it stands (see copy-wording.ts).
 */
export function createSearchIndex(
  passages: Iterable<Passage>,
  articles: Iterable<ArticleCorrections> = [],
): SearchIndex {
  const terms = new BuildTerms();
  // MiniSearch only reads the terms (never changes the lists): each word's list is shared.
  const mini = new MiniSearch<IndexedPassage>({
    ...MINI_OPTIONS,
    processTerm: (term: string) => terms.of(term) as string[],
  });
  const list = [...passages];
  const documentFrequency = new Map<string, number>();
  // One passage at a time: its words are garbage as soon as MiniSearch has them.
  for (const p of list) {
    const { doc, shown } = indexedPassage(p, terms);
    mini.add(doc);
    for (const t of shown) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  terms.done();
  return assembleIndex(mini, list, documentFrequency, articles);
}

/** A passage as MiniSearch indexes it, and every index term a reader sees in it. */
function indexedPassage(p: Passage, terms: BuildTerms): { doc: IndexedPassage; shown: Set<string> } {
  // Each text is split into words once.
  const shownWords = wordList(p.corrected);
  const shown = new Set<string>();
  for (const w of shownWords) for (const t of terms.of(w)) shown.add(t);
  // Of the copy's wording, only the words a correction replaced (and a reader does not see).
  const replaced: string[] = [];
  if (p.corrected !== p.text) {
    for (const word of wordList(p.text)) if (terms.of(word).some((t) => !shown.has(t))) replaced.push(word);
  }
  const doc = {
    id: p.id,
    text: orEmptyWord(shownWords),
    copy: orEmptyWord(replaced),
    // A name's words are split on spaces, as they always were.
    speakers: speakerWords(p).join(' ').split(' '),
  };
  return { doc, shown };
}

/** The words, or one empty word for none: MiniSearch counts an empty field as one word long. */
function orEmptyWord(list: string[]): string[] {
  return list.length > 0 ? list : [''];
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
  articles: Iterable<ArticleCorrections> = [],
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
  const copyPhrases = copyPhrasesOf(passages, articles);
  return { mini, passages: byId, phraseForms, documentFrequency, nameFrequency, vocabulary, copyPhrases };
}

/** Counts the terms of the names a passage holds into `nameFrequency` (see SearchIndex). */
export function countNameTerms(nameFrequency: Map<string, number>, p: Passage): void {
  for (const t of new Set(speakerWords(p).flatMap((w) => indexTerms(w))))
    nameFrequency.set(t, (nameFrequency.get(t) ?? 0) + 1);
}

function phraseFormsOf(p: Passage): PhraseForms {
  // Kept for every passage: one byte per character where it can be (half the memory).
  const form = (text: string) => compactString(phraseForm(text));
  return { text: form(p.corrected), copy: p.corrected === p.text ? '' : form(p.text) };
}

/**
 * Whether a passage's wording as a reader sees it contains `needle` (in phrase form); with `copy`
 * (a query with one of its garbled phrases: see copy-wording.ts), or as the copy has it.
 */
export function inEither(
  forms: PhraseForms | undefined,
  needle: string,
  typing: boolean,
  copy = false,
): boolean {
  if (!forms) return false;
  return (
    containsForm(forms.text, needle, typing) ||
    (copy && forms.copy !== '' && containsForm(forms.copy, needle, typing))
  );
}

function containsForm(haystack: string, needle: string, typing: boolean): boolean {
  // While typing, the needle's last word may be cut short: drop its closing space.
  return haystack.includes(typing ? needle.trimEnd() : needle);
}
