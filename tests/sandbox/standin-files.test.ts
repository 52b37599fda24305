/**
 * Files the bot sends with a message (multipart `files[n]`, the way discord.js sends `files`): in a
 * channel message, an interaction reply, a follow-up and an edit. The stand-in stores them, describes
 * them in `attachments` and serves their bytes on loopback.
 */
import { AttachmentBuilder, Client, Events, type TextChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { type StandIn } from '../../src/sandbox/standin/index.js';
import { useConnectedClient } from './connected-client.js';
import { parseMultipart } from '../../src/sandbox/standin/multipart.js';
import { solidPng } from './png.js';

const connect = useConnectedClient();

async function connected(): Promise<{ standIn: StandIn; client: Client }> {
  const { standIn: s, client: c } = await connect();
  return { standIn: s, client: c };
}

const PNG = solidPng(40, 20, [200, 30, 30]);
const CSV = 'student,answers\nAlex,2\nSam,1\n';
const files = () => [
  new AttachmentBuilder(PNG, { name: 'chart.png', description: 'Answers per student' }),
  new AttachmentBuilder(Buffer.from(CSV), { name: 'grades.csv' }),
];

async function download(url: string): Promise<{ type: string | null; bytes: Buffer }> {
  expect(new URL(url).hostname).toBe('127.0.0.1');
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('files in messages', () => {
  it('parses a multipart body on bytes: a PNG with CR LF inside survives intact', () => {
    const bytes = Buffer.concat([PNG, Buffer.from('\r\n--x\r\n'), PNG]);
    const body = Buffer.concat([
      Buffer.from('--b\r\nContent-Disposition: form-data; name="payload_json"\r\n\r\n{"content":"hi"}\r\n'),
      Buffer.from('--b\r\nContent-Disposition: form-data; name="files[0]"; filename="a.png"\r\n'),
      Buffer.from('Content-Type: image/png\r\n\r\n'),
      bytes,
      Buffer.from('\r\n--b--\r\n'),
    ]);
    const parsed = parseMultipart(body, 'multipart/form-data; boundary=b');
    expect(parsed.fields.get('payload_json')).toBe('{"content":"hi"}');
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0]?.index).toBe(0);
    expect(parsed.files[0]?.contentType).toBe('image/png');
    expect(Buffer.from(parsed.files[0]?.bytes ?? []).equals(bytes)).toBe(true);
  });

  it('a channel message with a PNG and a CSV: described in attachments, bytes served', async () => {
    const { standIn: s, client: c } = await connected();
    const channel = (await c.channels.fetch(s.channelId('discussion'))) as TextChannel;
    const sent = await channel.send({ content: 'The summary', files: files() });
    const stored = s.message(sent.id);
    expect(stored?.attachments.map((a) => a.filename)).toEqual(['chart.png', 'grades.csv']);
    const [png, csv] = stored?.attachments ?? [];
    expect(png).toMatchObject({
      size: PNG.length,
      width: 40,
      height: 20,
      description: 'Answers per student',
    });
    expect(png?.content_type).toBe('image/png');
    expect(csv?.width).toBeUndefined();
    // discord.js sees the same attachments.
    expect([...sent.attachments.values()].map((a) => a.name)).toEqual(['chart.png', 'grades.csv']);
    const image = await download(png?.url ?? '');
    expect(image.bytes.equals(PNG)).toBe(true);
    expect(image.type).toBe('image/png');
    expect((await download(csv?.url ?? '')).bytes.toString()).toBe(CSV);
  });

  it('an interaction reply, a follow-up and an edit carry files; an edit replaces them', async () => {
    const { standIn: s, client: c } = await connected();
    let firstIds: string[] = [];
    c.on(Events.InteractionCreate, (i) => {
      if (!i.isChatInputCommand()) return;
      void (async () => {
        await i.reply({ content: 'Chart', files: [files()[0] ?? ''], flags: 'Ephemeral' });
        firstIds = [...(await i.fetchReply()).attachments.keys()];
        await i.followUp({ content: 'Table', files: [files()[1] ?? ''] });
        await i.editReply({ content: 'Chart and table', files: files() });
      })();
    });
    const h = s.slash({ user: 'teacher', channel: 'discussion', name: 'summary' });
    const follow = await h.waitForFollowUp(1);
    expect(follow.attachments.map((a) => a.filename)).toEqual(['grades.csv']);
    const edited = await h.waitForOriginal((m) => m.content === 'Chart and table');
    // The edit's `attachments` lists only the new files, so the old PNG goes, as on Discord.
    expect(edited.attachments.map((a) => a.filename)).toEqual(['chart.png', 'grades.csv']);
    expect(firstIds).toHaveLength(1);
    expect(edited.attachments.map((a) => a.id)).not.toContain(firstIds[0]);
    const request = s.requests.find((r) => r.route === 'POST /interactions/:id/:token/callback');
    expect(request?.files.map((f) => f.filename)).toEqual(['chart.png']);
  });
});
