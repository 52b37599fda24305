/**
 * Live content: watches the content folder, rebuilds on every change and hands over the new
 * content only when it is valid. A bad edit never replaces good content: the problems are
 * reported as `file:line: message` and the last good content keeps serving.
 */
import { watch, type FSWatcher } from 'node:fs';
import { formatProblem, loadContent } from './load.js';
import type { Content, ContentProblem } from './types.js';

/** Quiet time after the last change before reloading (editors write files in several steps). */
export const RELOAD_DEBOUNCE_MS = 150;

export interface ContentWatcher {
  /** Reload now (also what a change triggers). Resolves with what happened. */
  readonly reload: () => Promise<ReloadResult>;
  readonly close: () => void;
}

export type ReloadResult =
  { ok: true; content: Content } | { ok: false; problems: readonly ContentProblem[] };

export interface WatchOptions {
  readonly onContent: (content: Content) => void;
  readonly onProblems: (problems: readonly ContentProblem[], formatted: string[]) => void;
  readonly debounceMs?: number;
}

export function watchContent(dir: string, options: WatchOptions): ContentWatcher {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReloadResult> | undefined;
  // Set when a change arrives during a reload, so that reload runs once more.
  const pending = { again: false };
  const rerunRequested = () => pending.again;

  async function reload(): Promise<ReloadResult> {
    if (running) {
      pending.again = true;
      return running;
    }
    running = (async () => {
      let result: ReloadResult;
      do {
        pending.again = false;
        const loaded = await loadContent(dir);
        result = loaded.ok ? { ok: true, content: loaded.content } : { ok: false, problems: loaded.problems };
      } while (rerunRequested());
      if (result.ok) options.onContent(result.content);
      else options.onProblems(result.problems, result.problems.map(formatProblem));
      return result;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), options.debounceMs ?? RELOAD_DEBOUNCE_MS);
    });
    watcher.on('error', () => undefined);
  } catch {
    // No watching available: content is still loaded at start and on reload().
  }
  return {
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
