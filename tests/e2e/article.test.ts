/**
 * /article through the real discord.js client in the bot process and the local stand-in: a teacher
 * attaches a file (or gives a URL served on loopback), sees a private preview, publishes it, and a
 * student quotes the new article at once; cancel, remove with its confirmation, and every refusal.
 * The bot writes into a private copy of the content under test.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { InteractionResponseType, type APIApplicationCommand, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StandInError, type AttachmentUpload } from '../../src/sandbox/standin/index.js';
import { TEST_CONTENT_DIR } from '../helpers/content.js';
import { copyContent, removeContent } from '../helpers/teacher.js';
import { buttonIds, startStack, visibleText, type Stack } from './harness.js';
import { EPHEMERAL, OLD_BUTTON_TEXT, postAsBot } from './util.js';

const TEACHERS_ONLY = 'Only teachers (members who can Manage Messages) can add or remove articles.';
const TOO_BIG = 'That file is larger than 8 MB, the most an article file can be.';
const EXPIRED = 'That preview or question has expired (or the bot restarted). Run /article again.';

/** A plain-text article: a title line, then paragraphs with words no shipped article has. */
function textArticle(title: string, phrase: string): string {
  return [
    title,
    '',
    `The keepers of Saltmarsh Bay met on Tuesday, and after a long evening they decided to ${phrase}.`,
    '',
    'Fishermen in the harbour said the old white paint had flaked for years and that nobody minded the change.',
    '',
    'The council will pay for the scaffolding, according to the minutes published on Wednesday.',
    '',
  ].join('\n');
}

const NEWS_PAGE = `<!doctype html><html><head>
<title>Quarry town votes to keep its brass band | The Valley Courier</title>
<meta property="og:title" content="Quarry town votes to keep its brass band">
<meta property="og:site_name" content="The Valley Courier">
<meta name="author" content="Petra Lindqvist">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Quarry town votes to keep its brass band</h1>
<p>The people of Stonehollow voted by a wide margin to keep funding the brass band that has played at every harvest fair since 1911.</p>
<p>The band's conductor said the tuba section would finally get new mouthpieces, and the drummers a van that starts in winter.</p>
<p>Opponents had argued that the money should instead mend the road to the old quarry, which floods every spring.</p>
</article>
<aside><h2>Related</h2><a href="/x">Other news</a></aside>
</body></html>`;

let stack: Stack;
let contentDir: string;
let pages: Server;
let pagesUrl: string;

beforeAll(async () => {
  contentDir = copyContent(TEST_CONTENT_DIR);
  pages = createServer((req, res) => {
    if (req.url === '/news/brass-band') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEWS_PAGE);
    } else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  stack = await startStack({ env: { CONTENT_DIR: contentDir, IMPORT_ALLOW_LOOPBACK: '1' } });
});
afterAll(async () => {
  await stack.stop();
  await new Promise((resolve) => pages.close(resolve));
  removeContent(contentDir);
});

type Shown = Pick<APIMessage, 'content' | 'embeds' | 'components'> & { flags?: number };

function upload(filename: string, text: string | Uint8Array, contentType?: string): AttachmentUpload {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { filename, bytes, ...(contentType !== undefined && { contentType }) };
}

/** /article add as `user`; resolves with the answer once it is more than "thinking…". */
async function add(options: Record<string, string | { attachment: AttachmentUpload }>, user = 'teacher') {
  const h = stack.standIn.slash({ user, channel: 'general', name: 'article', subcommand: 'add', options });
  const first = await h.response();
  const deferred = first.type === InteractionResponseType.DeferredChannelMessageWithSource;
  const shown: Shown = deferred
    ? await h.waitForOriginal((m) => m.content !== '' || m.embeds.length > 0, 30_000)
    : (first.data as Shown);
  return { h, first, shown };
}

async function click(message: { id: string }, customId: string, user = 'teacher') {
  const h = stack.standIn.button({ user, message, customId });
  const r = await h.response();
  return { h, type: r.type, data: r.data as Shown };
}

/** After Publish / Remove: the preview message once the bot has said how it went. */
function settled(h: { waitForOriginal: (p: (m: APIMessage) => boolean, t?: number) => Promise<APIMessage> }) {
  return h.waitForOriginal((m) => !m.content.endsWith('…'), 30_000);
}

function quote(query: string) {
  const h = stack.standIn.slash({ user: 'student1', channel: 'general', name: 'quote', options: { query } });
  return h.response().then((r) => visibleText(r.data as Shown));
}

function articleFiles(): string[] {
  return readdirSync(path.join(contentDir, 'articles'));
}

function button(shown: Shown, action: string): string {
  const id = buttonIds(shown).find((b) => b.startsWith(`article|${action}|`));
  if (!id) throw new Error(`no ${action} button in ${JSON.stringify(shown.components)}`);
  return id;
}

describe('/article add from a file', () => {
  it('previews privately, publishes on Publish, and a student quotes it a second later', async () => {
    const phrase = 'repaint the lighthouse tower in teal';
    const { h, shown } = await add({
      file: {
        attachment: upload(
          'lighthouse.txt',
          textArticle('Saltmarsh keepers pick a new colour', phrase),
          'text/plain',
        ),
      },
    });
    expect((shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const text = visibleText(shown);
    expect(shown.embeds[0]?.title).toBe('Saltmarsh keepers pick a new colour');
    expect(text).toContain(phrase);
    expect(text).toMatch(/3 paragraphs/);
    expect(text).toContain('Authors');
    expect(stack.standIn.attachmentDownloads.length).toBeGreaterThan(0);
    // Not quotable before it is published (the search may find other words of the shipped articles).
    expect(await quote(phrase)).not.toContain('Saltmarsh keepers pick a new colour');

    const preview = h.original() ?? (await h.waitForOriginal());
    const published = await click(preview, button(shown, 'publish'));
    expect(published.type).toBe(7); // the preview is replaced, still private
    const done = await settled(published.h);
    expect(done.content).toMatch(/^Published \*\*Saltmarsh keepers pick a new colour\*\*/);
    expect(done.components).toEqual([]);
    const id = /id `([^`]+)`/.exec(done.content)?.[1] ?? '';
    expect(articleFiles()).toContain(`${id}.md`);

    const started = Date.now();
    const after = await quote(phrase);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(after).toContain(phrase);
    expect(after).toContain('Saltmarsh keepers pick a new colour');
  });

  it('refuses a file over the size limit before downloading it', async () => {
    const downloads = stack.standIn.attachmentDownloads.length;
    const big = new Uint8Array(8 * 1024 * 1024 + 10).fill(0x61);
    const { first, shown } = await add({ file: { attachment: upload('huge.txt', big, 'text/plain') } });
    expect(first.type).toBe(4);
    expect((shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(shown.content).toBe(TOO_BIG);
    expect(stack.standIn.attachmentDownloads.length).toBe(downloads);
  });

  it('stops a download that grows past the limit, whatever size Discord reported', async () => {
    const big = new Uint8Array(8 * 1024 * 1024 + 10).fill(0x61);
    const { shown } = await add({
      file: { attachment: { ...upload('liar.txt', big, 'text/plain'), reportedSize: 1000 } },
    });
    expect(shown.content).toBe(`Not imported: ${TOO_BIG}`);
    expect(articleFiles().some((f) => f.startsWith('liar'))).toBe(false);
  });

  it('refuses a file of the wrong type, or one whose type contradicts its name, without downloading', async () => {
    const downloads = stack.standIn.attachmentDownloads.length;
    const png = await add({ file: { attachment: upload('photo.png', 'not an article', 'image/png') } });
    expect(png.shown.content).toMatch(/^The bot imports \.html, .*files, not \.png\./);
    const fake = await add({ file: { attachment: upload('notes.txt', 'x', 'image/png') } });
    expect(fake.shown.content).toBe(
      'That file is named .txt but Discord reports it as image/png. Attach a real .txt file.',
    );
    expect(stack.standIn.attachmentDownloads.length).toBe(downloads);
  });

  it('asks for exactly one of file and url', async () => {
    const none = await add({});
    expect(none.shown.content).toBe(
      'Give exactly one of file (an attachment) or url (a web page’s address).',
    );
    const both = await add({
      url: `${pagesUrl}/news/brass-band`,
      file: { attachment: upload('a.txt', textArticle('Both given', 'do both'), 'text/plain') },
    });
    expect(both.shown.content).toBe(none.shown.content);
  });

  it('refuses to publish an id that exists by then, and a second click on Publish', async () => {
    const file = () => ({
      file: {
        attachment: upload(
          'twin.txt',
          textArticle('Twin keepers argue over paint', 'argue about paint'),
          'text/plain',
        ),
      },
    });
    const one = await add(file());
    const two = await add(file());
    const oneMessage = one.h.original() ?? (await one.h.waitForOriginal());
    const twoMessage = two.h.original() ?? (await two.h.waitForOriginal());
    // A double click: both clicks are dispatched before the bot has answered either.
    const publishId = button(one.shown, 'publish');
    const clicks = [oneMessage, oneMessage].map((m) =>
      stack.standIn.button({ user: 'teacher', message: m, customId: publishId }),
    );
    const answers = await Promise.all(clicks.map((c) => c.response()));
    const acted = clicks.filter((_, n) => answers[n]?.type === InteractionResponseType.UpdateMessage);
    const refusedClick = answers.find((a) => a.type === InteractionResponseType.ChannelMessageWithSource);
    expect(acted).toHaveLength(1);
    expect((refusedClick?.data as Shown | undefined)?.content).toBe(EXPIRED);
    const winner = acted[0];
    if (!winner) throw new Error('no click acted');
    expect((await settled(winner)).content).toMatch(/^Published/);
    const second = await click(twoMessage, button(two.shown, 'publish'));
    const refused = await settled(second.h);
    expect(refused.content).toMatch(/^Not published: /);
  });
});

describe('/article add when the content check refuses the result', () => {
  it('takes the files back out and says why, so the folder stays as it was', async () => {
    const added = await add({
      file: {
        attachment: upload(
          'gulls.txt',
          textArticle('Gulls steal the mayor’s chips', 'ban chips'),
          'text/plain',
        ),
      },
    });
    const topicsFile = path.join(contentDir, 'topics.yaml');
    const topics = readFileSync(topicsFile, 'utf8');
    const filesBefore = articleFiles();
    // Another edit breaks the content meanwhile: the reload after publishing is refused.
    writeFileSync(topicsFile, `${topics}\n  - this is: [not valid\n`);
    try {
      const message = added.h.original() ?? (await added.h.waitForOriginal());
      const published = await click(message, button(added.shown, 'publish'));
      const done = await settled(published.h);
      expect(done.content).toMatch(
        /^Not published: the content check refused it, so nothing was added\.\n• topics\.yaml:\d+: /,
      );
      expect(articleFiles()).toEqual(filesBefore);
    } finally {
      writeFileSync(topicsFile, topics);
    }
  });
});

describe('/article add from a URL (served on loopback, allowed by IMPORT_ALLOW_LOOPBACK=1)', () => {
  it('previews the page’s own title, author, date and paragraphs; Cancel adds nothing', async () => {
    const filesBefore = articleFiles();
    const { h, shown } = await add({ url: `${pagesUrl}/news/brass-band` });
    expect((shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(shown.embeds[0]?.title).toBe('Quarry town votes to keep its brass band');
    const text = visibleText(shown);
    expect(text).toContain('Petra Lindqvist');
    expect(text).toContain('2024');
    expect(text).toContain('keep funding the brass band');
    expect(text).not.toContain('Other news');
    const preview = h.original() ?? (await h.waitForOriginal());
    const cancelled = await click(preview, button(shown, 'cancel'));
    expect(cancelled.type).toBe(7);
    expect(cancelled.data.content).toBe('Cancelled: nothing was added.');
    expect(cancelled.data.components).toEqual([]);
    expect(articleFiles()).toEqual(filesBefore);
  });

  it('says briefly when the page cannot be fetched', async () => {
    const { shown } = await add({ url: `${pagesUrl}/missing` });
    expect(shown.content).toMatch(/^Not imported: /);
    expect(shown.content.length).toBeLessThan(300);
  });

  it('refuses something that is not a web address', async () => {
    const { shown } = await add({ url: 'file:///etc/passwd' });
    expect(shown.content).toMatch(/is not a web address/);
  });
});

describe('/article remove', () => {
  it('asks first: Keep changes nothing, Remove deletes it and students can no longer quote it', async () => {
    const phrase = 'sell the fog horn to a museum';
    const added = await add({
      file: {
        attachment: upload('foghorn.txt', textArticle('Keepers sell the fog horn', phrase), 'text/plain'),
      },
    });
    const published = await click(
      added.h.original() ?? (await added.h.waitForOriginal()),
      button(added.shown, 'publish'),
    );
    const id = /id `([^`]+)`/.exec((await settled(published.h)).content)?.[1] ?? '';
    expect(await quote(phrase)).toContain('Keepers sell the fog horn');

    const ask = () => {
      const h = stack.standIn.slash({
        user: 'teacher',
        channel: 'general',
        name: 'article',
        subcommand: 'remove',
        options: { article: id },
      });
      return h.response().then((r) => ({ h, data: r.data as Shown }));
    };
    const first = await ask();
    expect((first.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(first.data.content).toContain('Keepers sell the fog horn');
    const firstMessage = first.h.original() ?? (await first.h.waitForOriginal());
    const kept = await click(firstMessage, button(first.data, 'keep'));
    expect(kept.data.content).toBe('Kept: nothing was removed.');
    expect(articleFiles()).toContain(`${id}.md`);

    const second = await ask();
    const secondMessage = second.h.original() ?? (await second.h.waitForOriginal());
    const removed = await click(secondMessage, button(second.data, 'remove'));
    expect((await settled(removed.h)).content).toBe(
      'Removed **Keepers sell the fog horn**. Students can no longer quote it.',
    );
    expect(articleFiles()).not.toContain(`${id}.md`);
    expect(existsSync(path.join(contentDir, 'sources', `${id}.txt`))).toBe(false);
    expect(await quote(phrase)).not.toContain('Keepers sell the fog horn');
  });

  it('suggests articles to teachers and says so for an unknown one', async () => {
    const h = stack.standIn.autocomplete({
      user: 'teacher',
      channel: 'general',
      name: 'article',
      subcommand: 'remove',
      focused: 'article',
      options: { article: '' },
    });
    expect((await h.choices()).length).toBeGreaterThan(0);
    const unknown = stack.standIn.slash({
      user: 'teacher',
      channel: 'general',
      name: 'article',
      subcommand: 'remove',
      options: { article: 'no-such-article' },
    });
    expect(((await unknown.response()).data as Shown).content).toBe(
      'Unknown article. Pick one from the list.',
    );
  });
});

describe('who may use /article', () => {
  it('is hidden from students (Manage Messages by default)', () => {
    const registered = stack.standIn.commands(stack.standIn.guildId()).find((c) => c.name === 'article');
    expect(registered?.default_member_permissions).toBe(String(1n << 13n));
    expect(() =>
      stack.standIn.slash({
        user: 'student1',
        channel: 'general',
        name: 'article',
        subcommand: 'add',
        options: {},
      }),
    ).toThrow(StandInError);
  });

  it('refuses a student at run time even when a server opens the command to everyone', async () => {
    const guild = stack.standIn.world.guilds.get(stack.standIn.guildId());
    const registered = [...(guild?.commands.values() ?? [])].find((c) => c.name === 'article');
    if (!guild || !registered) throw new Error('no /article registered');
    const opened: APIApplicationCommand = { ...registered, default_member_permissions: null };
    guild.commands.set(registered.id, opened);
    try {
      const { shown } = await add({ url: `${pagesUrl}/news/brass-band` }, 'student1');
      expect(shown.content).toBe(TEACHERS_ONLY);
    } finally {
      guild.commands.set(registered.id, registered);
    }
  });

  it('refuses a student’s click on an article button, and answers an old button briefly', async () => {
    const posted = await postAsBot(stack.standIn, 'general', {
      content: 'an old preview',
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 1, label: 'Publish', custom_id: 'article|publish|zzzzzzzz' },
            { type: 2, style: 2, label: 'Frobnicate', custom_id: 'article|frobnicate|zzzzzzzz' },
          ],
        },
      ],
    });
    const student = await click(posted, 'article|publish|zzzzzzzz', 'student1');
    expect(student.data.content).toBe(TEACHERS_ONLY);
    expect((student.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const teacher = await click(posted, 'article|publish|zzzzzzzz', 'teacher');
    expect(teacher.data.content).toBe(EXPIRED);
    const unknownAction = await click(posted, 'article|frobnicate|zzzzzzzz', 'teacher');
    expect(unknownAction.data.content).toBe(OLD_BUTTON_TEXT);
  });
});

describe('/article add from a URL without IMPORT_ALLOW_LOOPBACK', () => {
  it('refuses a loopback address, so the bot cannot probe its own network', async () => {
    const plain = await startStack({ env: { CONTENT_DIR: contentDir } });
    try {
      const h = plain.standIn.slash({
        user: 'teacher',
        channel: 'general',
        name: 'article',
        subcommand: 'add',
        options: { url: `${pagesUrl}/news/brass-band` },
      });
      await h.response();
      const shown = await h.waitForOriginal((m) => m.content !== '', 30_000);
      expect(shown.content).toMatch(/^Not imported: /);
      expect(shown.embeds).toEqual([]);
    } finally {
      await plain.stop();
    }
  });
});
