/**
 * Search over the passages, in parts: the index (`search-index.ts`), reading a query (`query.ts`),
 * planning what MiniSearch searches (`plan.ts`), re-ranking against the text (`rank.ts`), the
 * search itself (`search-passages.ts`), saving and restoring the index (`saved.ts`), and the
 * numbers that tune them (`tuning.ts`). This is what the rest of the bot uses.
 */
export { makeHit, matchedWords, matchesTerm, type CopyWording, type SearchHit } from './hit.js';
export { parseQuery } from './query.js';
export { loadSearchIndex, passagesFingerprint, saveSearchIndex } from './saved.js';
export { countNameTerms, createSearchIndex, MINI_OPTIONS, type SearchIndex } from './search-index.js';
export { personPassages, searchPassages, type SearchOptions } from './search-passages.js';
export { filterPeople, findPeople, nearNames, peopleOf, personMatches, type Person } from './speakers.js';
export { fuzzinessFor } from './tuning.js';
