/** The library: the content plus its search index, built once and passed to whoever needs it. */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Content } from '../content/types.js';
import {
  createSearchIndex,
  loadSearchIndex,
  passagesFingerprint,
  saveSearchIndex,
  type SearchIndex,
} from './search/index.js';

export interface Library {
  readonly content: Content;
  readonly index: SearchIndex;
}

export function buildLibrary(content: Content): Library {
  return { content, index: createSearchIndex(content.passages.values(), content.articles) };
}

/** What {@link buildLibraryCached} did, for the log. */
export interface CacheOutcome {
  readonly loaded: boolean;
  /** Set when the saved index could not be read or written (the bot works on regardless). */
  readonly problem?: string;
  /** Saves the freshly built index; call it once the bot is ready, as it takes a moment. */
  readonly save: () => string | undefined;
}

const PREFIX = 'search-index-';
/** Below this many passages the index builds in well under a second: nothing is saved. */
export const CACHE_MIN_PASSAGES = 1000;

/**
 * Like {@link buildLibrary}, but restores the search index saved in `cacheDir` for exactly these
 * passages when there is one, which is several times faster than building it for a large corpus.
 * A missing, stale or damaged saved index is never an error: the index is built instead.
 */
export function buildLibraryCached(
  content: Content,
  cacheDir: string,
): { library: Library; cache: CacheOutcome } {
  const passages = [...content.passages.values()];
  if (passages.length < CACHE_MIN_PASSAGES)
    return { library: buildLibrary(content), cache: { loaded: false, save: () => undefined } };
  const fingerprint = passagesFingerprint(passages);
  const file = path.join(cacheDir, `${PREFIX}${fingerprint.replace(/[^\w]/g, '').slice(0, 40)}.json`);
  let problem: string | undefined;
  try {
    const index = loadSearchIndex(readFileSync(file, 'utf8'), passages, fingerprint, content.articles);
    return { library: { content, index }, cache: { loaded: true, save: () => undefined } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problem = e instanceof Error ? e.message : String(e);
  }
  const core = buildLibrary(content);
  const save = () => {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, saveSearchIndex(core.index));
      renameSync(temp, file); // atomic: another process never reads half a file
      for (const old of readdirSync(cacheDir)) {
        if (old.startsWith(PREFIX) && old !== path.basename(file) && !old.endsWith('.tmp'))
          rmSync(path.join(cacheDir, old), { force: true });
      }
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  return { library: core, cache: { loaded: false, ...(problem !== undefined && { problem }), save } };
}

/** Where {@link startLibrary} reports what happened to the saved index. */
export interface LibraryLog {
  info(details: { reason: string }, message: string): void;
}

/**
 * The core as the bot starts with it: {@link buildLibraryCached} in `cacheDir`, reporting a saved
 * index it could not use. Call `ready()` once the bot answers, to save a freshly built index.
 */
export function startLibrary(
  content: Content,
  cacheDir: string,
  log: LibraryLog,
): { library: Library; ready: () => void } {
  const { library, cache } = buildLibraryCached(content, cacheDir);
  if (cache.problem !== undefined)
    log.info({ reason: cache.problem }, 'saved search index not used; built a fresh one');
  return {
    library,
    ready: () => {
      const problem = cache.save();
      if (problem !== undefined) log.info({ reason: problem }, 'could not save the search index');
    },
  };
}
