/**
 * Files the bot uploads with a message (multipart bodies): a real discord.js client replies, edits
 * a deferred reply and posts with files, and the stand-in keeps them on the message and serves the
 * exact bytes on loopback.
 */
import { once } from 'node:events';
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type ChatInputCommandInteraction,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../src/sandbox/standin/index.js';
import { parseMultipart } from '../../src/sandbox/standin/uploads.js';

let standIn: StandIn | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  await standIn?.close();
  client = undefined;
  standIn = undefined;
});

/** Bytes that would break a text-only reader: every byte value, CRLFs and a fake boundary. */
const binary = new Uint8Array([
  ...Array.from({ length: 256 }, (_, i) => i),
  ...new TextEncoder().encode('\r\n--boundary\r\n\r\n'),
  0x89,
  0x50,
  0x4e,
  0x47,
]);
const csv = new TextEncoder().encode('\uFEFFname,answers\r\nÅsa,2\r\n');

async function connected(): Promise<{ standIn: StandIn; client: Client }> {
  const s = await startStandIn();
  standIn = s;
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: s.url }, waitGuildTimeout: 200 });
  const ready = once(c, Events.ClientReady);
  await c.login(s.token);
  await ready;
  client = c;
  await c.application?.commands.set([{ name: 'files', description: 'Files' }], s.guildId());
  return { standIn: s, client: c };
}

function onCommand(c: Client, answer: (i: ChatInputCommandInteraction) => Promise<unknown>): void {
  c.once(Events.InteractionCreate, (i) => {
    if (i.isChatInputCommand()) void answer(i);
  });
}

async function served(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('uploads', () => {
  it('keeps the files of a deferred reply’s edit, with names and descriptions, and serves their bytes', async () => {
    const { standIn: s, client: c } = await connected();
    onCommand(c, async (i) => {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({
        content: 'Summary',
        files: [
          { attachment: Buffer.from(binary), name: 'chart.png', description: 'A chart' },
          { attachment: Buffer.from(csv), name: 'answers.csv' },
        ],
      });
    });
    const h = s.slash({ user: 'teacher', name: 'files' });
    const reply = await h.waitForOriginal((m) => m.attachments.length > 0);
    expect(reply.content).toBe('Summary');
    expect(reply.attachments.map((a) => [a.filename, a.size, a.description, a.ephemeral])).toEqual([
      ['chart.png', binary.length, 'A chart', true],
      ['answers.csv', csv.length, undefined, true],
    ]);
    expect(await served(reply.attachments[0]?.url ?? '')).toEqual(binary);
    expect(await served(reply.attachments[1]?.url ?? '')).toEqual(csv);
  });

  it('attaches files to an immediate reply and to a channel message, and keeps them through an edit', async () => {
    const { standIn: s, client: c } = await connected();
    onCommand(c, (i) =>
      i.reply({ content: 'Here', files: [{ attachment: Buffer.from(csv), name: 'a.csv' }] }),
    );
    const reply = await s.slash({ user: 'teacher', name: 'files' }).waitForOriginal();
    expect(reply.attachments.map((a) => [a.filename, a.ephemeral])).toEqual([['a.csv', false]]);

    const channel = (await c.channels.fetch(s.channelId('general'))) as TextChannel;
    const sent = await channel.send({ files: [{ attachment: Buffer.from(binary), name: 'b.png' }] });
    expect(sent.attachments.first()?.name).toBe('b.png');
    const stored = s.message(sent.id);
    expect(await served(stored?.attachments[0]?.url ?? '')).toEqual(binary);
    await sent.edit({ content: 'Now with words' });
    expect(s.message(sent.id)?.attachments.map((a) => a.filename)).toEqual(['b.png']);
    await sent.edit({ attachments: [] });
    expect(s.message(sent.id)?.attachments).toEqual([]);
  });

  it('refuses more than ten files, as Discord does', async () => {
    const { standIn: s, client: c } = await connected();
    const channel = (await c.channels.fetch(s.channelId('general'))) as TextChannel;
    const files = Array.from({ length: 11 }, (_, n) => ({ attachment: Buffer.from('x'), name: `${n}.txt` }));
    await expect(channel.send({ content: 'too many', files })).rejects.toThrow(/10 or fewer/);
  });
});

describe('parseMultipart', () => {
  it('reads text fields and binary files', () => {
    const head = (name: string, extra = '') =>
      `--xyz\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n`;
    const raw = Buffer.concat([
      Buffer.from(`${head('payload_json')}Content-Type: application/json\r\n\r\n{"content":"hi"}\r\n`),
      Buffer.from(`${head('files[0]', '; filename="c.png"')}Content-Type: image/png\r\n\r\n`),
      Buffer.from(binary),
      Buffer.from('\r\n--xyz--\r\n'),
    ]);
    const { fields, files } = parseMultipart(raw, 'multipart/form-data; boundary=xyz');
    expect(fields.get('payload_json')).toBe('{"content":"hi"}');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ field: 'files[0]', filename: 'c.png', contentType: 'image/png' });
    expect(files[0]?.bytes).toEqual(binary);
  });
});
