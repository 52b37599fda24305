/**
 * Rebuilding the core when the content changes, without holding up answers: the content is read,
 * validated and indexed in a worker thread, and the main thread only puts the parts it receives
 * together, in short steps (parts.ts). The worker is started on the first reload and kept for the
 * next ones; if it fails or dies, the reload fails with the reason and the next one starts a new
 * worker. The caller keeps serving its last good core meanwhile.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadContent } from '../content/load.js';
import type { ContentProblem } from '../content/types.js';
import { buildLibrary, type Library } from './index.js';
import { LibraryAssembler, type LibraryPart } from './parts.js';

export type BuildResult =
  | { readonly ok: true; readonly library: Library }
  | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/** Builds the core of a content folder. Rejects only when the build itself broke down. */
export interface LibraryBuilder {
  readonly build: (dir: string) => Promise<BuildResult>;
  readonly close: () => Promise<void>;
}

/** To the worker: build the content of `dir`, or send the next part of build `id`. */
export type WorkerRequest =
  | { readonly kind: 'build'; readonly id: number; readonly dir: string }
  | { readonly kind: 'next'; readonly id: number };

export type WorkerReply = { readonly id: number } & (
  | { readonly kind: 'part'; readonly part: LibraryPart }
  | { readonly kind: 'done' }
  | { readonly kind: 'problems'; readonly problems: ContentProblem[] }
  | { readonly kind: 'failed'; readonly reason: string }
);

/** How to start the worker thread: the file, or code that loads it. */
export interface WorkerSource {
  readonly url: URL;
  /** Set when the file is TypeScript: it is loaded through tsx's loader. */
  readonly typescript: boolean;
}

/**
 * The worker's file: reload-worker.js beside this file when running from dist/, reload-worker.ts
 * when running TypeScript sources (tsx, vitest).
 */
export function reloadWorkerSource(): WorkerSource {
  const typescript = import.meta.url.endsWith('.ts');
  return { url: new URL(`./reload-worker.${typescript ? 'ts' : 'js'}`, import.meta.url), typescript };
}

function startWorker(source: WorkerSource): Worker {
  if (!source.typescript) return new Worker(source.url);
  // A worker thread does not inherit tsx's loader: register it in the thread, then load the file.
  // (`node --import tsx` registers it on the main thread only.)
  const tsx = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsx, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.url.href)}); });`;
  return new Worker(code, { eval: true });
}

/** Builds in a worker thread. `worker` replaces the worker's file (tests use it). */
export function offThreadBuilder(worker = reloadWorkerSource()): LibraryBuilder {
  let thread: Worker | undefined;
  let nextId = 1;

  function start(): Worker {
    const t = startWorker(worker);
    t.unref(); // never keeps the process alive
    t.on('exit', () => {
      if (thread === t) thread = undefined;
    });
    t.on('error', () => {
      if (thread === t) thread = undefined;
    });
    return t;
  }

  function build(dir: string): Promise<BuildResult> {
    const t = (thread ??= start());
    const id = nextId++;
    const assembler = new LibraryAssembler();
    return new Promise<BuildResult>((resolve, reject) => {
      const stop = () => {
        t.off('message', onMessage);
        t.off('error', onError);
        t.off('exit', onExit);
      };
      const fail = (reason: string) => {
        stop();
        reject(new Error(reason));
      };
      const onError = (e: Error) => {
        fail(`the reload worker failed: ${e.message}`);
      };
      const onExit = (code: number) => {
        fail(`the reload worker stopped (exit code ${code})`);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if (reply.kind === 'part') {
          assembler.add(reply.part);
          t.postMessage({ kind: 'next', id } satisfies WorkerRequest);
          return;
        }
        stop();
        if (reply.kind === 'problems') resolve({ ok: false, problems: reply.problems });
        else if (reply.kind === 'failed') reject(new Error(reply.reason));
        else
          assembler.finish().then((core) => {
            resolve({ ok: true, library: core });
          }, reject);
      };
      t.on('message', onMessage);
      t.on('error', onError);
      t.on('exit', onExit);
      t.postMessage({ kind: 'build', id, dir } satisfies WorkerRequest);
    });
  }

  return {
    build,
    async close() {
      const t = thread;
      thread = undefined;
      await t?.terminate();
    },
  };
}

/** Builds on the main thread, blocking it meanwhile: what reloads did before (the bench compares). */
export function mainThreadBuilder(): LibraryBuilder {
  return {
    async build(dir) {
      const loaded = await loadContent(dir);
      return loaded.ok ? { ok: true, library: buildLibrary(loaded.content) } : loaded;
    },
    close: () => Promise.resolve(),
  };
}
