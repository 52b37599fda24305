/** The core: content plus its search index, built once and passed to whoever needs it. */
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

export interface Core {
  readonly content: Content;
  readonly index: SearchIndex;
}

export function buildCore(content: Content): Core {
  return { content, index: createSearchIndex(content.passages.values()) };
}

/** What {@link buildCoreCached} did, for the log. */
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
 * Like {@link buildCore}, but restores the search index saved in `cacheDir` for exactly these
 * passages when there is one, which is several times faster than building it for a large corpus.
 * A missing, stale or damaged saved index is never an error: the index is built instead.
 */
export function buildCoreCached(content: Content, cacheDir: string): { core: Core; cache: CacheOutcome } {
  const passages = [...content.passages.values()];
  if (passages.length < CACHE_MIN_PASSAGES)
    return { core: buildCore(content), cache: { loaded: false, save: () => undefined } };
  const fingerprint = passagesFingerprint(passages);
  const file = path.join(cacheDir, `${PREFIX}${fingerprint.replace(/[^\w]/g, '').slice(0, 40)}.json`);
  let problem: string | undefined;
  try {
    const index = loadSearchIndex(readFileSync(file, 'utf8'), passages, fingerprint);
    return { core: { content, index }, cache: { loaded: true, save: () => undefined } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problem = e instanceof Error ? e.message : String(e);
  }
  const core = buildCore(content);
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
  return { core, cache: { loaded: false, ...(problem !== undefined && { problem }), save } };
}

/** Where {@link startCore} reports what happened to the saved index. */
export interface CoreLog {
  info(details: { reason: string }, message: string): void;
}

/**
 * The core as the bot starts with it: {@link buildCoreCached} in `cacheDir`, reporting a saved
 * index it could not use. Call `ready()` once the bot answers, to save a freshly built index.
 */
export function startCore(
  content: Content,
  cacheDir: string,
  log: CoreLog,
): { core: Core; ready: () => void } {
  const { core, cache } = buildCoreCached(content, cacheDir);
  if (cache.problem !== undefined)
    log.info({ reason: cache.problem }, 'saved search index not used; built a fresh one');
  return {
    core,
    ready: () => {
      const problem = cache.save();
      if (problem !== undefined) log.info({ reason: problem }, 'could not save the search index');
    },
  };
}
