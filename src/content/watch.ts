/**
 * Watches the content folder and calls for a reload after every save, whatever way the editor saves:
 * in place, to a temporary file renamed over the original (VS Code, JetBrains, vim), delete and
 * re-create, `sed -i`, a new file, or the whole folder deleted and restored.
 *
 * chokidar watches the content folder (Node's own recursive `fs.watch` loses a file once an editor
 * has replaced it). chokidar in turn loses a content folder that is deleted and restored, so the
 * folder that holds it is watched for that too, and chokidar is started anew on the new folder.
 *
 * Changes are debounced (editors write a save in several steps), and reloads never overlap: a change
 * during a reload runs one more reload after it, so the last save is always the one that is served.
 */
import { statSync, watch as watchFs, type FSWatcher as NodeFSWatcher } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** Quiet time after the last change before reloading (editors write files in several steps). */
export const RELOAD_DEBOUNCE_MS = 100;
/** Longest a reload waits for quiet while changes keep arriving. */
export const RELOAD_MAX_WAIT_MS = 1000;

/**
 * Editor files that are never content and whose coming and going is no reason to reload: dotfiles
 * (Emacs's `.#name` lock, vim's `.name.swp`), backups (`name~`), vim's write test `4913`, swap files
 * and JetBrains's save temporaries.
 */
export function isEditorFile(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    /\.sw[a-z]$/.test(name) ||
    /^\d+$/.test(name) ||
    /___jb_(tmp|old|bak)___$/.test(name)
  );
}

export interface ContentWatcher {
  /** Reload now (also what a change triggers). Resolves once this change is served or refused. */
  readonly reload: () => Promise<void>;
  /** Resolves once the watcher is watching (changes before that may be missed). */
  readonly ready: Promise<void>;
  readonly close: () => Promise<void>;
}

export interface WatchOptions {
  /** Reads the folder and hands over what it holds; must not throw (a throw is passed to onError). */
  readonly reload: () => Promise<void>;
  readonly onError?: (error: unknown) => void;
  readonly debounceMs?: number;
}

/** Tells a folder from another made in its place (which may get the same inode number). */
function identityOf(dir: string): string | undefined {
  try {
    const stats = statSync(dir);
    return `${stats.ino}:${stats.birthtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * Calls `fire` once pokes stop for `waitMs`, and at the latest RELOAD_MAX_WAIT_MS after the first
 * poke, so a stream of changes still gets a reload.
 */
function debounce(waitMs: number, fire: () => void): { poke(): void; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  let firstPoke: number | undefined;
  return {
    poke() {
      const now = Date.now();
      firstPoke ??= now;
      clearTimeout(timer);
      const wait = Math.max(0, Math.min(waitMs, firstPoke + RELOAD_MAX_WAIT_MS - now));
      timer = setTimeout(() => {
        firstPoke = undefined;
        fire();
      }, wait);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}

/** Watches the folder that holds `root` for `root` itself being deleted, renamed or restored. */
function watchReplacement(
  root: string,
  onReplaced: () => void,
  onError: ((e: unknown) => void) | undefined,
): NodeFSWatcher | undefined {
  try {
    const guard = watchFs(path.dirname(root), { persistent: false }, (event, name) => {
      if (event !== 'rename' || (name !== null && name !== path.basename(root))) return;
      onReplaced();
    });
    guard.on('error', (e) => onError?.(e));
    return guard;
  } catch (e) {
    onError?.(e);
    return undefined;
  }
}

/** Calls `options.reload` after every change to `dir`, one reload at a time. */
export function watchContent(dir: string, options: WatchOptions): ContentWatcher {
  const root = path.resolve(dir);
  let running: Promise<void> | undefined;
  // Flags the callbacks set: a change during a reload asks for one more; close stops everything.
  const state = { again: false, closed: false };
  const isClosed = () => state.closed;
  const rerunRequested = () => state.again && !state.closed;

  async function runReloads(): Promise<void> {
    do {
      state.again = false;
      await rearm(false); // in case the folder was replaced without a word from the guard
      try {
        await options.reload();
      } catch (e) {
        options.onError?.(e);
      }
    } while (rerunRequested());
  }

  function reload(): Promise<void> {
    if (running) {
      state.again = true;
      return running;
    }
    running = runReloads().finally(() => {
      running = undefined;
    });
    return running;
  }

  const debounced = debounce(options.debounceMs ?? RELOAD_DEBOUNCE_MS, () => void reload());
  function changed(): void {
    if (!state.closed) debounced.poke();
  }

  // chokidar over the content folder, re-armed whenever the folder itself is replaced.
  const watchFolder = (): { watcher: FSWatcher; identity: string | undefined } => {
    const watcher = watch(root, {
      ignoreInitial: true,
      persistent: true, // with `false`, chokidar loses a file deleted and created again
      ignored: (file: string) => path.relative(root, file).split(path.sep).some(isEditorFile),
    });
    watcher.on('all', changed);
    watcher.on('error', (e) => options.onError?.(e));
    return { watcher, identity: identityOf(root) };
  };
  let current = watchFolder();
  const ready = new Promise<void>((resolve) =>
    current.watcher.once('ready', () => {
      resolve();
    }),
  );
  // chokidar shares its handles between watchers of one path: the old watcher is closed first.
  let rearming = Promise.resolve();
  function rearm(always: boolean): Promise<void> {
    rearming = rearming
      .then(async () => {
        if (state.closed || (!always && identityOf(root) === current.identity)) return;
        await current.watcher.close();
        if (!isClosed()) current = watchFolder();
      })
      .catch((e: unknown) => options.onError?.(e));
    return rearming;
  }
  // chokidar does not notice the folder itself being replaced: it is then watched anew.
  const guard = watchReplacement(root, () => void rearm(true).then(changed), options.onError);

  return {
    reload,
    ready,
    async close() {
      state.closed = true;
      debounced.cancel();
      guard?.close();
      await rearming;
      await current.watcher.close();
    },
  };
}
