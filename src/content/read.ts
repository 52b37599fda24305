/**
 * Reading one content file, whatever is at its path: a file, a folder, a dangling link, a pipe,
 * something huge or not UTF-8. The answer is the file's text or a `file:line` problem; never a throw.
 */
import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { lstat, open, readlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from './types.js';

/** The largest content file read, checked before reading. A 5 MB article fits; 20 MB does not. */
export const MAX_CONTENT_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Files editors and systems leave beside the ones being edited: never content, never a problem.
 * Dotfiles (Emacs's lock `.#x.md`, vim's swap `.x.md.swp`, macOS's `._x.md`), Emacs's auto-save
 * `#x.md#`, backups (`x.md~`, `x.md.bak`, `x.md.orig`), swap and temporary files, vim's write
 * test `4913`, and JetBrains' `x.md___jb_tmp___`.
 */
export function isEditorFile(name: string): boolean {
  return (
    /^[.#~]/.test(name) ||
    name.endsWith('~') ||
    /\.(?:sw[a-p]|tmp|temp|bak|orig|crswap)$/i.test(name) ||
    /^\d+$/.test(name) ||
    /___jb_(?:tmp|old|bak)___$/.test(name)
  );
}

const megabytes = (bytes: number): string => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

const errorCode = (error: unknown): string =>
  (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);

/** Why `open` failed, in words a teacher can act on; undefined when nothing is there. */
async function openFailure(fullPath: string, error: unknown): Promise<string | undefined> {
  const code = errorCode(error);
  if (code === 'ENOENT') {
    const link = await lstat(fullPath).catch(() => undefined);
    if (!link?.isSymbolicLink()) return undefined;
    const target = await readlink(fullPath).catch(() => '?');
    return `is a link to "${target}", which does not exist: remove the link or restore the file`;
  }
  if (code === 'ELOOP') return 'is a link that leads back to itself: remove the link';
  if (code === 'EACCES' || code === 'EPERM')
    return 'cannot be read: permission denied (make the file readable, e.g. chmod 644)';
  return `cannot be read (${code})`;
}

/** The 1-based line of the first byte that is not UTF-8 (no UTF-8 character spans a newline byte). */
function firstNonUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
  }
  return line;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

async function readOpened(
  handle: FileHandle,
  problem: (message: string, line?: number) => ContentProblem,
): Promise<string | ContentProblem> {
  const stats = await handle.stat();
  if (stats.isDirectory()) return problem('is a folder, not a file: rename it or move it elsewhere');
  if (!stats.isFile()) return problem('is not a regular file (a pipe, socket or device): remove it');
  const tooBig = (size: number) =>
    problem(
      `is ${megabytes(size)}, over the ${megabytes(MAX_CONTENT_FILE_BYTES)} limit for a content file: split it`,
    );
  if (stats.size > MAX_CONTENT_FILE_BYTES) return tooBig(stats.size);
  const bytes = await handle.readFile();
  // It may have grown since the check.
  if (bytes.length > MAX_CONTENT_FILE_BYTES) return tooBig(bytes.length);
  try {
    return UTF8.decode(bytes);
  } catch {
    return problem(
      'is not UTF-8 text (the first bad byte is on this line): save it as UTF-8',
      firstNonUtf8Line(bytes),
    );
  }
}

/**
 * The text of `file` (a path relative to `dir`, as problems show it), why it cannot be used, or
 * undefined when there is no such file. Problems about the file as a whole are on line 1.
 */
export async function readContentFile(
  dir: string,
  file: string,
): Promise<string | ContentProblem | undefined> {
  const fullPath = path.join(dir, file);
  const problem = (message: string, line = 1): ContentProblem => ({ file, line, message });
  let handle: FileHandle;
  try {
    // Non-blocking, so that opening a named pipe returns at once instead of waiting for a writer.
    handle = await open(fullPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const why = await openFailure(fullPath, error);
    return why === undefined ? undefined : problem(why);
  }
  try {
    return await readOpened(handle, problem);
  } catch (error) {
    return problem(`cannot be read (${errorCode(error)})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
