/**
 * The stand-in's attachment options (type 11): a real discord.js client receives the command with
 * the file in `resolved.attachments`, and downloads its bytes from the stand-in on loopback.
 */
import { ApplicationCommandOptionType, Client, Events, type Attachment } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, StandInError, type StandIn } from '../../src/sandbox/standin/index.js';
import { useConnectedClient } from './connected-client.js';

const connect = useConnectedClient();

async function connected(): Promise<{ standIn: StandIn; client: Client }> {
  const { standIn: s, client: c } = await connect();
  await c.application?.commands.set(
    [
      {
        name: 'upload',
        description: 'Upload a file',
        options: [
          { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'The file' },
          { type: ApplicationCommandOptionType.String, name: 'note', description: 'A note' },
        ],
      },
    ],
    s.guildId(),
  );
  return { standIn: s, client: c };
}

describe('attachment options', () => {
  it('arrive in resolved.attachments and their bytes are served on loopback', async () => {
    const { standIn: s, client: c } = await connected();
    const received = new Promise<Attachment | null>((resolve) => {
      c.once(Events.InteractionCreate, (i) => {
        if (i.isChatInputCommand()) resolve(i.options.getAttachment('file'));
      });
    });
    const bytes = new TextEncoder().encode('An article, word for word.');
    const h = s.slash({
      user: 'teacher',
      name: 'upload',
      options: { file: { attachment: { filename: 'my article.txt', bytes, contentType: 'text/plain' } } },
    });
    const attachment = await received;
    expect(attachment).toMatchObject({
      name: 'my_article.txt',
      size: bytes.length,
      contentType: 'text/plain',
    });
    const url = new URL(attachment?.url ?? '');
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.origin).toBe(new URL(s.url).origin);
    const data = h.payload.data as { options: { type: number; value: string }[] };
    expect(data.options[0]).toMatchObject({ type: 11, value: attachment?.id });
    expect(s.attachmentDownloads).toEqual([]);
    const response = await fetch(url);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(s.attachmentDownloads).toEqual([attachment?.id]);
    expect((await fetch(`${url.origin}/attachments/1/2/none.txt`)).status).toBe(404);
  });

  it('reports the size a test gives, and refuses what Discord would', async () => {
    const { standIn: s } = await connected();
    const h = s.slash({
      user: 'teacher',
      name: 'upload',
      options: { file: { attachment: { filename: 'a.txt', bytes: new Uint8Array(5000), reportedSize: 10 } } },
    });
    const resolved = (h.payload.data as { resolved: { attachments: Record<string, { size: number }> } })
      .resolved;
    expect(Object.values(resolved.attachments).map((a) => a.size)).toEqual([10]);
    expect(() =>
      s.slash({
        user: 'teacher',
        name: 'upload',
        options: {
          file: { attachment: { filename: 'big.txt', bytes: new Uint8Array(ATTACHMENT_MAX_BYTES + 1) } },
        },
      }),
    ).toThrow(StandInError);
    expect(() => s.slash({ user: 'teacher', name: 'upload', options: { file: 'x.txt' } })).toThrow(
      /takes a file/,
    );
    expect(() =>
      s.slash({
        user: 'teacher',
        name: 'upload',
        options: { note: { attachment: { filename: 'a', bytes: new Uint8Array() } } },
      }),
    ).toThrow(/not an attachment option/);
  });
});
