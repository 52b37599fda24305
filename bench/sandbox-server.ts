/**
 * The sandbox as `npm start` runs it without a token (same start-up: configuration, content, then
 * startSandbox), in a child process of the sandbox bench so its memory is measured alone.
 * Run as `node --expose-gc --import tsx bench/sandbox-server.ts` with an IPC channel: it sends
 * `{ url }` once listening, answers `'memory'` with its heap and resident set after a full GC, and
 * stops on `'stop'`.
 */
import { readConfig } from '../src/config.js';
import { loadContent } from '../src/content/load.js';
import { DEFAULT_CONTENT_DIR } from '../src/content/paths.js';
import { createLogger } from '../src/logger.js';
import { startSandbox } from '../src/sandbox/run.js';
import { gc } from './stats.js';

// No token: sandbox mode. Port 0: any free port.
const config = readConfig({ SANDBOX_PORT: '0' });
if (!config.ok) throw new Error(config.errors.join('\n'));
const loaded = await loadContent(DEFAULT_CONTENT_DIR);
if (!loaded.ok) throw new Error('content/ has problems: run npm run content:check');
const sandbox = await startSandbox({
  config: config.config,
  content: loaded.content,
  contentDir: DEFAULT_CONTENT_DIR,
  log: createLogger('warn'),
});
const send = (message: unknown) => process.send?.(message);
process.on('message', (message) => {
  if (message === 'memory') {
    gc();
    const m = process.memoryUsage();
    send({ memory: { rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20 } });
  } else if (message === 'stop') {
    void sandbox.stop().then(() => process.exit(0));
  }
});
send({ url: sandbox.url });
