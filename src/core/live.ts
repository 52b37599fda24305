/**
 * Live content, as the bot and the sandbox both run it: the core they start with, kept up to date
 * with every save to the content folder. Each change is rebuilt off the main thread (reload.ts) and
 * swapped in at once, in one assignment: an answer in progress finishes with the core it started
 * with, the next one gets the new core. A bad edit, or a rebuild that breaks down, never replaces
 * good content: it is logged once, and the last good content keeps serving.
 */
import { formatProblem } from '../content/load.js';
import type { Content } from '../content/types.js';
import { watchContent } from '../content/watch.js';
import { startLibrary, type Library, type LibraryLog } from './index.js';
import { offThreadBuilder, type LibraryBuilder } from './reload.js';

export interface LiveLog extends LibraryLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface LiveLibrary {
  /** The core to answer with now. */
  readonly library: () => Library;
  /** The last edit's problems as `file:line: problem`, empty while the content is valid. */
  readonly problems: () => readonly string[];
  /** Call once the bot answers: saves a freshly built search index for the next start. */
  readonly ready: () => void;
  /** Reloads now (what every change does); resolves once the result is served or refused. */
  readonly reload: () => Promise<void>;
  /** Resolves once changes are being watched. */
  readonly watching: Promise<void>;
  readonly close: () => Promise<void>;
}

export interface LiveOptions {
  /** The content loaded at start-up. */
  readonly content: Content;
  readonly contentDir: string;
  /** Where the search index of a large corpus is saved between starts. */
  readonly cacheDir: string;
  readonly log: LiveLog;
  /** Called after every reload, served or refused (the sandbox's page refreshes). */
  readonly onChange?: () => void;
  /**
   * How the core is rebuilt: off the main thread unless a test or the bench says otherwise. A
   * builder passed in is the caller's to close.
   */
  readonly builder?: LibraryBuilder;
  readonly debounceMs?: number;
}

export function startLiveLibrary(options: LiveOptions): LiveLibrary {
  const { log } = options;
  const started = startLibrary(options.content, options.cacheDir, log);
  let core = started.library;
  let problems: readonly string[] = [];
  const builder = options.builder ?? offThreadBuilder();
  const stopped = { now: false };

  async function reload(): Promise<void> {
    try {
      const built = await builder.build(options.contentDir);
      if (built.ok) {
        core = built.library;
        problems = [];
        const { passages, topics } = built.library.content;
        log.info({ passages: passages.size, topics: topics.length }, 'content reloaded');
      } else {
        problems = built.problems.map(formatProblem);
        log.warn(
          { problems },
          `content edit rejected, still serving the last good content:\n${problems.join('\n')}`,
        );
      }
    } catch (e) {
      if (stopped.now) return; // the worker was stopped with the bot: nothing to report
      const reason = e instanceof Error ? e.message : String(e);
      log.warn({ reason }, `content reload failed, still serving the last good content: ${reason}`);
    }
    options.onChange?.();
  }

  const watcher = watchContent(options.contentDir, {
    reload,
    ...(options.debounceMs !== undefined && { debounceMs: options.debounceMs }),
    onError: (e) => {
      log.warn({ reason: e instanceof Error ? e.message : String(e) }, 'watching content/ failed');
    },
  });
  return {
    library: () => core,
    problems: () => problems,
    ready: started.ready,
    reload: watcher.reload,
    watching: watcher.ready,
    async close() {
      stopped.now = true;
      await watcher.close();
      if (!options.builder) await builder.close();
    },
  };
}
