/**
 * The engines the search benchmark compares: ours, called exactly as the bot calls it, and a plain
 * MiniSearch set-up. Shared by the in-process bench (search.ts) and the fresh-process memory and
 * build measurement (memory.ts).
 */
import MiniSearch from 'minisearch';
import type { Passage } from '../src/content/types.js';
import {
  createSearchIndex,
  loadSearchIndex,
  saveSearchIndex,
  searchPassages,
  type SearchIndex,
} from '../src/core/search/index.js';

export const ENGINES = ['ours', 'baseline'] as const;
export type EngineName = (typeof ENGINES)[number];
/** How many results a search returns in the bot (Discord's autocomplete maximum, and /quote's pages). */
export const RESULT_LIMIT = 25;

/** One engine under test: how to build, save, load and query it. */
export interface Engine<I> {
  readonly name: EngineName;
  readonly call: string;
  build(passages: readonly Passage[]): I;
  save(index: I): string;
  load(saved: string, passages: readonly Passage[]): I;
  /** Passage ids of the top results, best first. */
  search(index: I, query: string): string[];
}

export const ours: Engine<SearchIndex> = {
  name: 'ours',
  call: `searchPassages(index, query, { limit: ${RESULT_LIMIT} }), as /quote and its autocomplete call it`,
  build: (passages) => createSearchIndex(passages),
  save: (index) => saveSearchIndex(index),
  load: (saved, passages) => loadSearchIndex(saved, passages),
  search: (index, query) => searchPassages(index, query, { limit: RESULT_LIMIT }).map((h) => h.passage.id),
};

const BASELINE_OPTIONS = { fields: ['text'] };

export const baseline: Engine<MiniSearch> = {
  name: 'baseline',
  call: `new MiniSearch({ fields: ['text'] }); search(query, { fuzzy: 0.2, prefix: true, combineWith: 'OR' }), top ${RESULT_LIMIT}`,
  build: (passages) => {
    const mini = new MiniSearch(BASELINE_OPTIONS);
    mini.addAll(passages);
    return mini;
  },
  save: (mini) => JSON.stringify(mini),
  load: (saved) => MiniSearch.loadJSON(saved, BASELINE_OPTIONS),
  search: (mini, query) =>
    mini
      .search(query, { fuzzy: 0.2, prefix: true, combineWith: 'OR' })
      .slice(0, RESULT_LIMIT)
      .map((r) => r.id as string),
};
