/**
 * The REST proxy (src/proxy/server.ts: @discordjs/proxy over one REST client) in front of the
 * stand-in, with discord.js's REST clients standing in for two bot processes. The stand-in keeps
 * its 429s in force (`enforceRateLimits`), so a request that comes too early is counted.
 */
import { createServer } from 'node:net';
import { DiscordAPIError, HTTPError, REST, RESTEvents } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PROXY_USER_AGENT_MARK, startProxy, type RunningProxy } from '../../src/proxy/server.js';
import { startStandIn, type StandIn } from '../../src/sandbox/standin/index.js';

let standIn: StandIn;
let proxy: RunningProxy;
const log = createLogger('silent');

beforeAll(async () => {
  standIn = await startStandIn({ enforceRateLimits: true });
  proxy = await startProxy({ upstream: standIn.url, host: '127.0.0.1', port: 0, log });
});
afterAll(async () => {
  await proxy.close();
  await standIn.close();
});

/** A bot process's REST client (each process has its own). */
function botRest(api: string, token = standIn.token): REST {
  return new REST({ api, retries: 0 }).setToken(token);
}

describe('the REST proxy', () => {
  it('forwards the bot’s own token to /api/v10/…, and marks what it sent', async () => {
    const before = standIn.requests.length;
    const gateway = (await botRest(proxy.url).get(Routes.gatewayBot())) as { url: string };
    expect(gateway.url).toBe(standIn.gatewayUrl);
    const [sent] = standIn.requests.slice(before);
    expect(sent?.rawPath).toBe('/api/v10/gateway/bot');
    expect(sent?.authorization).toBe(true);
    expect(sent?.status).toBe(200);
    expect(sent?.headers['user-agent']).toContain(PROXY_USER_AGENT_MARK);
  });

  it('sends a message’s body again when it retries after a 429', async () => {
    const general = standIn.channelId('general');
    standIn.failNext(1, { status: 429, retryAfter: 0.2 }, `POST /channels/${general}/messages`);
    const before = standIn.requests.length;
    const sent = (await botRest(proxy.url).post(Routes.channelMessages(general), {
      body: { content: 'Posted after a 429' },
    })) as { id: string; content: string };
    expect(sent.content).toBe('Posted after a 429');
    expect(standIn.message(sent.id)?.content).toBe('Posted after a 429');
    const tries = standIn.requests.slice(before);
    expect(tries.map((r) => [r.status, (r.body as { content?: string } | undefined)?.content])).toEqual([
      [429, 'Posted after a 429'],
      [200, 'Posted after a 429'],
    ]);
  });

  it('forwards a message with a file (multipart), again after a 429', async () => {
    const general = standIn.channelId('general');
    standIn.failNext(1, { status: 429, retryAfter: 0.2 }, `POST /channels/${general}/messages`);
    const before = standIn.requests.length;
    const sent = (await botRest(proxy.url).post(Routes.channelMessages(general), {
      body: { content: 'The class’s answers', attachments: [{ id: 0, filename: 'answers.csv' }] },
      files: [{ name: 'answers.csv', data: Buffer.from('student,answers\nStudent 7,2\n') }],
    })) as { id: string };
    expect(standIn.message(sent.id)?.content).toBe('The class’s answers');
    const tries = standIn.requests.slice(before);
    expect(tries.map((r) => r.headers['content-type']?.split(';')[0])).toEqual([
      'multipart/form-data',
      'multipart/form-data',
    ]);
    expect(tries.map((r) => [r.status, (r.body as { content?: string } | undefined)?.content])).toEqual([
      [429, 'The class’s answers'],
      [200, 'The class’s answers'],
    ]);
  });

  it('passes Discord’s errors back as they came (a refused token is a 401 with its body)', async () => {
    const wrong = 'MTAxMDAwMDAwMDAwMDAwMDAw.V3Jvbmc.bm90LXRoZS1zdGFuZC1pbnMtdG9rZW4tYXQtYWxs';
    const refused = await botRest(proxy.url, wrong)
      .get(Routes.gatewayBot())
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect((refused as DiscordAPIError).status).toBe(401);
    expect((refused as DiscordAPIError).code).toBe(0);
  });

  it('answers 502 when Discord cannot be reached, and logs no token', async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const sink = { write: (line: string) => lines.push(line) };
    const nowhere = await startProxy({
      upstream: `http://127.0.0.1:${port}/api`,
      host: '127.0.0.1',
      port: 0,
      log: createLogger('debug', sink),
    });
    try {
      const failed = await botRest(nowhere.url)
        .get(Routes.gatewayBot())
        .catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(HTTPError);
      expect((failed as HTTPError).status).toBe(502);
      expect(lines.join('\n')).toContain('could not reach Discord');
      expect(lines.join('\n')).not.toContain(standIn.token.split('.')[2]);
    } finally {
      await nowhere.close();
    }
  });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/**
 * Bot A's request gets a global 429 (retry after 1 s); then bot B asks for something else. Returns
 * B's requests as the stand-in saw them, and the time of the 429.
 */
async function globalLimitThenOtherBot(api: string, heard: () => Promise<unknown>) {
  const general = standIn.channelId('general');
  const discussion = standIn.channelId('discussion');
  standIn.failNext(1, { status: 429, retryAfter: 1, global: true }, `GET /channels/${general}/messages`);
  const before = standIn.requests.length;
  const a = botRest(api).get(Routes.channelMessages(general));
  const limited = await standIn.waitFor((r) => r.seq > before && r.status === 429 && r.injected);
  await heard();
  const b = await botRest(api).get(Routes.channel(discussion));
  await a;
  expect((b as { id: string }).id).toBe(discussion);
  const fromB = standIn.requests.filter((r) => r.seq > before && r.path === `/channels/${discussion}`);
  return { limited, fromB };
}

describe('one rate-limit view for every process', () => {
  it('without the proxy, a second client ignores the global 429 it never saw (the stand-in refuses it)', async () => {
    const { fromB } = await globalLimitThenOtherBot(standIn.url, () => Promise.resolve());
    expect(fromB.map((r) => [r.status, r.ignoredRateLimit])).toEqual([
      [429, true],
      [200, false],
    ]);
  });

  it('through the proxy, the second client’s request waits out the global 429', async () => {
    const heard = new Promise<void>((resolve) => {
      const listener = (_request: unknown, response: { status: number }) => {
        if (response.status !== 429) return;
        proxy.rest.off(RESTEvents.Response, listener);
        resolve();
      };
      proxy.rest.on(RESTEvents.Response, listener);
    });
    const { limited, fromB } = await globalLimitThenOtherBot(proxy.url, () => heard);
    expect(fromB.map((r) => [r.status, r.ignoredRateLimit])).toEqual([[200, false]]);
    expect(fromB[0]?.time).toBeGreaterThanOrEqual(limited.time + 1000);
    expect(standIn.requests.filter((r) => r.ignoredRateLimit)).toHaveLength(1); // the test above's
  });
});
