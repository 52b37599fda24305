/**
 * Faults between the real bot process and "Discord": gateway closes, drops and zombie connections,
 * 429 / 5xx answers from REST, a handler that throws, and buttons the bot no longer understands.
 * Each group has its own stack so a fault (a rate limit, a half-open socket) cannot leak into the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionHandle, ShardSessionInfo, StandIn } from '../../src/sandbox/standin/index.js';
import { startStack, visibleText, type Stack } from './harness.js';
import {
  APOLOGY_TEXT,
  callbacksFor,
  EPHEMERAL,
  GONE_TEXT,
  linesWith,
  logEntries,
  ok,
  OLD_BUTTON_TEXT,
  postAsBot,
  requestsFor,
  waitUntil,
} from './util.js';

function shard0(standIn: StandIn): ShardSessionInfo {
  const info = standIn.sessions.find((s) => s.shard === 0);
  if (!info) throw new Error('no session on shard 0');
  return info;
}

function quote(standIn: StandIn): InteractionHandle {
  return standIn.slash({
    user: 'student1',
    channel: 'discussion',
    name: 'quote',
    options: { query: 'ammunition not a ride' },
  });
}

/** One accepted callback, none refused, and what the student sees mentions the passage. */
async function expectAnsweredOnce(standIn: StandIn, h: InteractionHandle, timeoutMs = 5000): Promise<void> {
  const callback = await h.response(timeoutMs);
  const callbacks = callbacksFor(standIn, h);
  expect(callbacks.filter(ok), 'accepted callbacks').toHaveLength(1);
  expect(
    callbacks.filter((r) => !ok(r) && !r.injected).map((r) => `${r.status} ${JSON.stringify(r.response)}`),
    'callbacks refused by the stand-in',
  ).toEqual([]);
  expect(callback.type).toBe(4);
}

/** INTERACTION_CREATE frames the stand-in sent for an interaction (the live send, plus any replay). */
function interactionFrames(standIn: StandIn, h: InteractionHandle) {
  return standIn.events.filter(
    (e) =>
      e.direction === 'out' &&
      e.t === 'INTERACTION_CREATE' &&
      (e.d as { id?: string } | undefined)?.id === h.id,
  );
}

describe('gateway faults', () => {
  let stack: Stack;
  const handles: InteractionHandle[] = [];
  beforeAll(async () => {
    stack = await startStack();
    await stack.standIn.waitForReady(1);
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('close 4000: the bot RESUMEs (no second IDENTIFY) and answers the next interaction once', async () => {
    const { standIn } = stack;
    const before = shard0(standIn);
    expect(before.identifies).toBe(1);
    expect(standIn.closeGateway(4000)).toBe(1);
    await waitUntil(
      () => shard0(standIn).resumes === before.resumes + 1 && shard0(standIn).connected,
      'a resume after close 4000',
    );
    expect(shard0(standIn).identifies).toBe(1);
    expect(shard0(standIn).invalidSessions).toBe(0);
    expect(shard0(standIn).sessionId).toBe(before.sessionId);
    const h = quote(standIn);
    handles.push(h);
    await expectAnsweredOnce(standIn, h);
  });

  it('abrupt drop (1006): the bot RESUMEs and answers the next interaction once', async () => {
    const { standIn } = stack;
    const before = shard0(standIn);
    expect(standIn.dropGateway()).toBe(1);
    await waitUntil(
      () => shard0(standIn).resumes === before.resumes + 1 && shard0(standIn).connected,
      'a resume after a drop',
    );
    expect(shard0(standIn).identifies).toBe(1);
    expect(shard0(standIn).sessionId).toBe(before.sessionId);
    const h = quote(standIn);
    handles.push(h);
    await expectAnsweredOnce(standIn, h);
  });

  it('interactions dispatched while the socket is down are replayed on RESUME and answered once', async () => {
    const { standIn } = stack;
    const before = shard0(standIn);
    const lastConnection = Math.max(...standIn.events.map((e) => e.connection));
    expect(standIn.dropGateway()).toBe(1);
    expect(shard0(standIn).connected, 'the socket is down when dispatching').toBe(false);
    const down = [
      quote(standIn),
      standIn.slash({ user: 'student2', channel: 'general', name: 'help' }),
      standIn.slash({ user: 'student1', channel: 'discussion', name: 'articles' }),
    ];
    handles.push(...down);
    for (const h of down) {
      await expectAnsweredOnce(standIn, h);
      // Sent exactly once, on the resumed connection (buffered, then replayed), never on the dead one.
      const frames = interactionFrames(standIn, h);
      expect(frames).toHaveLength(1);
      expect(frames[0]?.connection).toBeGreaterThan(lastConnection);
    }
    expect(shard0(standIn).resumes).toBe(before.resumes + 1);
    expect(shard0(standIn).identifies).toBe(1);
  });

  it('no interaction of this group was answered twice (re-checked after the others ran)', async () => {
    const { standIn } = stack;
    // One more round trip, so any late duplicate callback of the earlier interactions has arrived.
    const h = quote(standIn);
    await expectAnsweredOnce(standIn, h);
    for (const earlier of handles) {
      expect(callbacksFor(standIn, earlier).filter(ok)).toHaveLength(1);
      expect(requestsFor(standIn, earlier).filter((r) => r.status === 400 || r.status === 404)).toEqual([]);
    }
  });
});

describe('REST faults', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('5xx once on a callback: retried, the answer lands', async () => {
    const { standIn } = stack;
    standIn.failNext(1, { status: 500 }, '/callback');
    const h = quote(standIn);
    await expectAnsweredOnce(standIn, h);
    const calls = callbacksFor(standIn, h);
    expect(calls.map((r) => [r.status, r.injected])).toEqual([
      [500, true],
      [calls[1]?.status, false],
    ]);
    expect(visibleText(h.original() ?? {})).toContain('ammunition');
  });

  it('a handler that throws: the teacher gets the private apology; the next interaction works', async () => {
    const { standIn } = stack;
    // discord.js retries a 5xx 3 times, so 4 failures in a row reach /prompt's handler; the rest are removed.
    standIn.failNext(20, { status: 500 }, /^GET \/channels\/\d+\/messages$/);
    const h = standIn.slash({ user: 'teacher', channel: 'discussion', name: 'prompt' });
    const apology = await h.waitForOriginal((m) => m.content === APOLOGY_TEXT, 10_000);
    standIn.clearFaults();
    expect((apology.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(standIn.channelMessages('discussion').map((m) => m.id)).not.toContain(apology.id);
    const injected = standIn.requests.filter((r) => r.injected && r.method === 'GET');
    expect(injected.length).toBeGreaterThanOrEqual(4);

    // The router deferred (ephemeral), then sent the apology as a follow-up, which fills the deferral.
    const calls = callbacksFor(standIn, h);
    expect(calls.filter(ok)).toHaveLength(1);
    expect((calls[0]?.body as { type?: number } | undefined)?.type).toBe(5);
    const followUps = requestsFor(standIn, h).filter((r) => r.route === 'POST /webhooks/:app/:token');
    expect(followUps.filter(ok)).toHaveLength(1);
    const body = followUps[0]?.body as { content?: string; flags?: number; allowed_mentions?: unknown };
    expect(body.content).toBe(APOLOGY_TEXT);
    expect((body.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.allowed_mentions).toEqual({ parse: [] });

    const next = standIn.slash({ user: 'student1', channel: 'general', name: 'help' });
    await expectAnsweredOnce(standIn, next);
    expect(visibleText(next.original() ?? {})).toMatch(/\/quote/);

    // The failure is one structured JSON log line with the interaction id, and no token anywhere.
    const { stderr } = stack.output();
    const failed = logEntries(stderr).filter(
      (e) => e.msg === 'interaction failed' && e.interactionId === h.id,
    );
    expect(failed).toHaveLength(1);
    const [line] = linesWith(stderr, '"interaction failed"').filter((l) => l.includes(h.id));
    expect(line).toBeDefined();
    expect(line).toContain(h.id);
    expect(line).not.toContain(standIn.token);
    expect(line).not.toContain(h.token.slice(h.token.lastIndexOf(':') + 1));
    expect(stderr).not.toContain(standIn.token);
  });

  it('a failing webhook call (the edit after a deferral) is logged without the interaction token', async () => {
    const { standIn } = stack;
    standIn.failNext(20, { status: 500 }, /^PATCH \/webhooks\//);
    const h = standIn.slash({ user: 'teacher', channel: 'discussion', name: 'prompt' });
    await h.waitForOriginal((m) => m.content === APOLOGY_TEXT, 10_000);
    standIn.clearFaults();
    const { stderr } = stack.output();
    const lines = linesWith(stderr, h.id);
    expect(lines.some((l) => l.includes('"interaction failed"'))).toBe(true);
    // The interaction token lets anyone answer as the bot for 15 minutes: it is a secret too. discord.js
    // puts it, percent-encoded, in the failed request's URL; look for its random part in any form.
    const secret = h.token.slice(h.token.lastIndexOf(':') + 1);
    expect(secret.length).toBeGreaterThan(20);
    for (const line of lines) expect(line).not.toContain(secret);
    expect(stderr).not.toContain(secret);
  });

  it('an unknown or old button is explained privately', async () => {
    const { standIn } = stack;
    const cases = [
      ['nonsense|x', OLD_BUTTON_TEXT],
      ['nonsense', OLD_BUTTON_TEXT],
      ['quote|gone|sumner-riyadh#39', OLD_BUTTON_TEXT],
      ['quote|ctx|nope#999', GONE_TEXT],
      ['quote|cite|nope#999', GONE_TEXT],
    ] as const;
    // A message an older version of the bot posted, with buttons this version does not know.
    const old = await postAsBot(standIn, 'discussion', {
      content: 'An old answer',
      allowed_mentions: { parse: [] },
      components: [
        {
          type: 1,
          components: cases.map(([customId]) => ({
            type: 2,
            style: 2,
            custom_id: customId,
            label: customId,
          })),
        },
      ],
    });
    const ids: string[] = [];
    for (const [customId, text] of cases) {
      const h = standIn.button({ user: 'student1', message: old.id, customId });
      ids.push(h.id);
      const callback = await h.response();
      expect(callbacksFor(standIn, h).filter(ok)).toHaveLength(1);
      expect(callback.type, customId).toBe(4);
      expect(callback.data?.content, customId).toBe(text);
      expect(Number(callback.data?.flags ?? 0) & EPHEMERAL, customId).toBe(EPHEMERAL);
    }
    // Handled, not failed: none of them went down the error path.
    const failed = logEntries(stack.output().stderr).filter((e) => e.msg === 'interaction failed');
    expect(failed.filter((e) => ids.includes(String(e.interactionId)))).toEqual([]);
  });

  // Last in this group: a 429 may leave discord.js's rate-limit state behind for the callback route.
  it('429 with Retry-After 1 on a callback: the bot waits, retries, and the answer lands', async () => {
    const { standIn } = stack;
    standIn.failNext(1, { status: 429, retryAfter: 1 }, '/callback');
    const h = quote(standIn);
    await expectAnsweredOnce(standIn, h, 8000);
    const calls = callbacksFor(standIn, h);
    expect(calls.map((r) => r.status)).toEqual([429, calls[1]?.status]);
    const [limited, retried] = calls;
    if (!limited || !retried) throw new Error('expected two callback attempts');
    expect(limited.injected).toBe(true);
    expect(ok(retried)).toBe(true);
    expect(retried.time - limited.time).toBeGreaterThanOrEqual(950);
    expect(visibleText(h.original() ?? {})).toContain('ammunition');
  });
});

describe('zombie connection (heartbeat ACKs withheld)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ standIn: { heartbeatIntervalMs: 400 } });
    await stack.standIn.waitForReady(1);
  });
  afterAll(async () => {
    stack.standIn.withholdHeartbeatAcks(false);
    await stack.stop();
  });

  it('the bot notices, RESUMEs and still answers', async () => {
    const { standIn } = stack;
    const before = shard0(standIn);
    standIn.withholdHeartbeatAcks(true);
    await waitUntil(() => shard0(standIn).resumes > before.resumes, 'a resume of the zombie connection');
    standIn.withholdHeartbeatAcks(false);
    await waitUntil(() => shard0(standIn).connected, 'a connected session');
    expect(shard0(standIn).identifies).toBe(1);
    expect(shard0(standIn).sessionId).toBe(before.sessionId);
    const h = quote(standIn);
    await expectAnsweredOnce(standIn, h);
  });
});
