/**
 * A stand-in with a real discord.js client logged in to it, for the stand-in's own tests. Call
 * {@link useConnectedClient} at the top of a test file: it closes both after each test.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach } from 'vitest';
import { startStandIn, type StandIn } from '../../src/sandbox/standin/index.js';

export interface Connected {
  readonly standIn: StandIn;
  readonly client: Client;
}

export function useConnectedClient(): () => Promise<Connected> {
  let standIn: StandIn | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    await client?.destroy();
    await standIn?.close();
    client = undefined;
    standIn = undefined;
  });
  return async () => {
    const s = await startStandIn();
    standIn = s;
    const c = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: s.url },
      waitGuildTimeout: 200,
    });
    const ready = once(c, Events.ClientReady);
    await c.login(s.token);
    await ready;
    client = c;
    return { standIn: s, client: c };
  };
}
