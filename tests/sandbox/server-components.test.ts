/**
 * The sandbox server's routes for the bot's components, over loopback against the stand-in and a
 * real discord.js client: the open modal in the page state (for its member only), /api/modal and
 * /api/select refusing what Discord's client would not send, and message files served from the
 * page's own origin (images inline, anything else as a download, never as a page).
 */
import { once } from 'node:events';
import {
  AttachmentBuilder,
  Client,
  ComponentType,
  Events,
  GatewayIntentBits,
  TextInputStyle,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/server.js';
import { startStandIn, type StandIn } from '../../src/sandbox/standin/index.js';
import { solidPng } from './png.js';

let standIn: StandIn;
let client: Client;
let server: SandboxServer;
let discussion: TextChannel;

beforeAll(async () => {
  standIn = await startStandIn();
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: standIn.url },
    waitGuildTimeout: 200,
  });
  const ready = once(client, Events.ClientReady);
  await client.login(standIn.token);
  await ready;
  client.on(Events.InteractionCreate, (i) => {
    if (!i.isChatInputCommand()) return;
    void i.showModal({
      custom_id: 'answer',
      title: 'Answer',
      components: [
        {
          type: ComponentType.Label,
          label: 'Your answer',
          component: {
            type: ComponentType.TextInput,
            custom_id: 'answer',
            style: TextInputStyle.Short,
            min_length: 5,
            max_length: 20,
          },
        },
      ],
    });
  });
  discussion = (await client.channels.fetch(standIn.channelId('discussion'))) as TextChannel;
  server = await startSandboxServer({ standIn, problems: () => [] });
});

afterAll(async () => {
  await server.close();
  await client.destroy();
  await standIn.close();
});

async function postJson(route: string, body: unknown): Promise<{ status: number; error?: string }> {
  const res = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as { error?: string }) };
}

const stateOf = async (user: string) =>
  (await (await fetch(`${server.url}/api/state?user=${user}`)).json()) as {
    modal: { interactionId: string; title: string; inputs: { customId: string; label: string }[] } | null;
  };

describe('the open modal', () => {
  it('is in the state of the member it was shown to, and /api/modal checks lengths', async () => {
    expect((await stateOf('teacher')).modal).toBeNull();
    const shown = standIn.slash({ user: 'teacher', name: 'respond' });
    await shown.response();
    const { modal } = await stateOf('teacher');
    expect(modal).toMatchObject({ interactionId: shown.id, title: 'Answer' });
    expect(modal?.inputs).toMatchObject([{ customId: 'answer', label: 'Your answer' }]);
    expect((await stateOf('student1')).modal).toBeNull();

    const submit = (fields: unknown, interactionId = shown.id) =>
      postJson('/api/modal', { user: 'teacher', interactionId, fields });
    expect(await submit({ answer: 'abc' })).toEqual({
      status: 400,
      error: '“Your answer” needs at least 5 characters.',
    });
    expect((await submit({ answer: 'x'.repeat(21) })).error).toMatch(/at most 20/);
    expect((await submit({ answer: 'enough', other: 'x' })).error).toMatch(/no field “other”/);
    expect((await submit({ answer: 'enough' }, '1')).status).toBe(409);
    expect(await submit({ answer: 'enough' })).toMatchObject({ status: 200 });
    expect((await stateOf('teacher')).modal).toBeNull();
    expect((await submit({ answer: 'enough' })).status).toBe(409); // submitted once only
  });

  it('closes on /api/modal/close', async () => {
    const shown = standIn.slash({ user: 'student1', name: 'respond' });
    await shown.response();
    expect((await stateOf('student1')).modal?.interactionId).toBe(shown.id);
    expect((await postJson('/api/modal/close', { user: 'student1' })).status).toBe(200);
    expect((await stateOf('student1')).modal).toBeNull();
  });
});

describe('/api/select', () => {
  it('refuses values the menu does not offer, and values that are not a list', async () => {
    const sent = await discussion.send({
      content: 'Pick',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.StringSelect, custom_id: 'p', options: [{ label: 'A', value: 'a' }] },
          ],
        },
      ],
    });
    const pick = (values: unknown) =>
      postJson('/api/select', { user: 'student1', messageId: sent.id, customId: 'p', values });
    expect(await pick(['z'])).toEqual({ status: 400, error: 'the select menu has no option "z"' });
    expect((await pick('a')).status).toBe(400);
    expect((await pick(['a'])).status).toBe(200);
  });
});

describe('message files', () => {
  it('are served from the page origin: a PNG inline, a CSV as a download, unknown ids 404', async () => {
    const png = solidPng(4, 4, [0, 0, 0]);
    const sent = await discussion.send({
      files: [
        new AttachmentBuilder(png, { name: 'chart.png' }),
        new AttachmentBuilder(Buffer.from('a,b\n'), { name: 'grades.csv' }),
      ],
    });
    const [image, table] = [...sent.attachments.values()];
    const get = (id: string, name: string) => fetch(`${server.url}/files/${id}/${name}`);
    const imageRes = await get(image?.id ?? '', 'chart.png');
    expect(imageRes.status).toBe(200);
    expect(imageRes.headers.get('content-type')).toBe('image/png');
    expect(imageRes.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await imageRes.arrayBuffer()).equals(png)).toBe(true);
    const tableRes = await get(table?.id ?? '', 'grades.csv');
    expect(tableRes.headers.get('content-type')).toBe('application/octet-stream');
    expect(tableRes.headers.get('content-disposition')).toBe('attachment; filename="grades.csv"');
    expect(await tableRes.text()).toBe('a,b\n');
    expect((await get('123', 'x.png')).status).toBe(404);
    expect((await get('abc', 'x.png')).status).toBe(404);
  });
});
