/**
 * The reload worker (a `worker_threads` thread): reads and validates the content folder and builds
 * its search index, off the main thread, then sends the core in parts (see parts.ts). Started and
 * spoken to only by reload.ts.
 */
import { parentPort } from 'node:worker_threads';
import { loadContent } from '../content/load.js';
import { buildCore } from './index.js';
import { coreParts } from './parts.js';
import type { WorkerReply, WorkerRequest } from './reload.js';

const port = parentPort;
if (!port) throw new Error('reload-worker.ts runs only as a worker thread');

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

port.on('message', (request: WorkerRequest) => {
  void (async () => {
    const { id } = request;
    try {
      const loaded = await loadContent(request.dir);
      if (!loaded.ok) {
        reply({ id, kind: 'problems', problems: loaded.problems });
        return;
      }
      for (const part of coreParts(buildCore(loaded.content))) reply({ id, kind: 'part', part });
      reply({ id, kind: 'done' });
    } catch (e) {
      reply({ id, kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  })();
});
