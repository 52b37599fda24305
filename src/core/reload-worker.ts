/**
 * The reload worker (a `worker_threads` thread): reads and validates the content folder and builds
 * its search index, off the main thread, then sends the core in parts (see parts.ts), one part each
 * time the main thread asks for the next: sent all at once, Node would hand the main thread many
 * of them in one go, which is the very block the parts are there to avoid. Started and spoken to
 * only by reload.ts.
 */
import { parentPort } from 'node:worker_threads';
import { loadContent } from '../content/load.js';
import { buildLibrary } from './index.js';
import { libraryParts, type LibraryPart } from './parts.js';
import type { WorkerReply, WorkerRequest } from './reload.js';

const port = parentPort;
if (!port) throw new Error('reload-worker.ts runs only as a worker thread');

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

/** The parts still to send, of the build asked for last. */
let sending: { id: number; parts: Iterator<LibraryPart> } | undefined;

/** One part per request: the main thread asks for the next when it has taken in the last. */
function sendNext(id: number): void {
  if (sending?.id !== id) return;
  const next = sending.parts.next();
  if (next.done) {
    sending = undefined;
    reply({ id, kind: 'done' });
  } else reply({ id, kind: 'part', part: next.value });
}

async function build(id: number, dir: string): Promise<void> {
  sending = undefined;
  try {
    const loaded = await loadContent(dir);
    if (!loaded.ok) {
      reply({ id, kind: 'problems', problems: loaded.problems });
      return;
    }
    sending = { id, parts: libraryParts(buildLibrary(loaded.content)) };
    sendNext(id);
  } catch (e) {
    reply({ id, kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
  }
}

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'next') sendNext(request.id);
  else void build(request.id, request.dir);
});
