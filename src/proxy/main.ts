/**
 * `npm run proxy`: the REST proxy that every process of one bot sends its REST requests through, so
 * that they share one view of Discord's rate limits (see "Deploying N processes on M machines" in
 * README.md). Settings: PROXY_UPSTREAM, PROXY_HOST, PROXY_PORT, LOG_LEVEL. It holds no token.
 * SIGINT/SIGTERM stop it.
 */
import 'dotenv/config';
import { createLogger } from '../logger.js';
import { readProxyConfig } from './config.js';
import { startProxy } from './server.js';

async function main(): Promise<void> {
  const configResult = readProxyConfig(process.env);
  if (!configResult.ok) {
    for (const e of configResult.errors) console.error(e);
    process.exit(1);
  }
  const { upstream, host, port, logLevel } = configResult.config;
  const log = createLogger(logLevel);
  const proxy = await startProxy({ upstream, host, port, log }).catch((err: unknown) => {
    const code = (err as { code?: unknown }).code;
    console.error(
      code === 'EADDRINUSE'
        ? `PROXY_PORT: port ${port} is already in use on ${host}. Stop what uses it, or set PROXY_PORT to another port (and DISCORD_API_BASE in every bot process to match).`
        : `PROXY_HOST: cannot listen on ${host}:${port} (${String(code ?? err)}). Set PROXY_HOST to an address of this machine, such as 127.0.0.1.`,
    );
    process.exit(1);
  });
  console.log(
    [
      `REST proxy listening at ${proxy.url}, forwarding to ${upstream}.`,
      `Set DISCORD_API_BASE=${proxy.url} in every process of the bot (same SHARD_COUNT, its own SHARD_IDS).`,
    ].join('\n'),
  );
  const stop = () => {
    void proxy.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
