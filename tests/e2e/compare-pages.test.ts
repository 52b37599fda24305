/**
 * /compare in a class of ten articles (tests/helpers/many-articles.ts), through the real discord.js
 * client in the built bot and the local stand-in: the answer for a topic eight articles address
 * does not fit one message, so the student pages through it with ◀ Prev / Next ▶.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { compare, type Comparison } from '../../src/core/compare.js';
import { buildLibrary } from '../../src/core/index.js';
import { STALE_PAGE } from '../../src/render/compare.js';
import { decodeId } from '../../src/render/custom-id.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import {
  MANY_TOPIC,
  MANY_TOPIC_TITLE,
  writeManyArticles,
  type ManyArticlesFolder,
} from '../helpers/many-articles.js';
import { buttonIds, startStack, type Stack } from './harness.js';
import { EPHEMERAL } from './util.js';

type Shown = {
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  allowed_mentions?: unknown;
};

let folder: ManyArticlesFolder;
let stack: Stack;
/** What the bot should show, from the same folder loaded here. */
let expected: Comparison;

beforeAll(async () => {
  folder = writeManyArticles();
  const loaded = await loadContent(folder.dir);
  if (!loaded.ok) throw new Error('the many-articles fixture does not load');
  const library = buildLibrary(loaded.content);
  const c = compare(library.content, library.index, MANY_TOPIC);
  if (!c) throw new Error('no comparison');
  expected = c;
  stack = await startStack({ env: { CONTENT_DIR: folder.dir } });
});
afterAll(async () => {
  await stack.stop();
  folder.remove();
});

async function run(topic: string) {
  const h = stack.standIn.slash({
    user: 'student1',
    channel: 'discussion',
    name: 'compare',
    options: { topic },
  });
  const r = await h.response();
  return { h, type: r.type, data: r.data as Shown };
}

async function click(message: { id: string }, customId: string) {
  const h = stack.standIn.button({ user: 'student1', message, customId });
  const r = await h.response();
  return { h, type: r.type, data: r.data as Shown };
}

/** The custom id of the enabled button with this label, if any. */
function buttonLabelled(d: Shown, label: string): string | undefined {
  type Node = { label?: string; custom_id?: string; disabled?: boolean; components?: unknown[] };
  const buttons = (d.components ?? []).flatMap((row) => ((row as Node).components ?? []) as Node[]);
  return buttons.find((b) => b.label === label && b.disabled !== true)?.custom_id;
}

const authors = (d: Shown) => (d.embeds ?? []).map((e) => e.author?.name);

describe('/compare with ten articles', () => {
  it('pages through every article that addresses the topic, most relevant first, each once', async () => {
    const first = await run(MANY_TOPIC);
    expect(first.type).toBe(4);
    expect((first.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(first.data.allowed_mentions).toEqual({ parse: [] });
    const message = first.h.original() ?? (await first.h.waitForOriginal());
    const header = /^\*\*Compare:\*\* (.+) · Page (\d+) of (\d+)\nNot addressed by: (.+)\.$/;
    const notAddressed = expected.notAddressing.map((p) => escapeMarkdown(p.article.short)).join(', ');
    expect(first.data.content).toMatch(header);
    const pageCount = Number(header.exec(first.data.content ?? '')?.[3]);
    expect(pageCount).toBeGreaterThan(1);

    const pages: Shown[] = [first.data];
    for (let k = 1; k < pageCount; k++) {
      const next = buttonLabelled(pages[k - 1] ?? {}, 'Next ▶');
      expect(next, `page ${String(k)} has Next ▶`).toBeDefined();
      const shown = await click(message, next ?? '');
      expect(shown.type).toBe(7); // the same private message, updated in place
      pages.push(shown.data);
    }
    expect(buttonLabelled(pages.at(-1) ?? {}, 'Next ▶')).toBeUndefined();
    pages.forEach((d, k) => {
      expect(d.content).toBe(
        `**Compare:** ${MANY_TOPIC_TITLE} · Page ${String(k + 1)} of ${String(pageCount)}\nNot addressed by: ${notAddressed}.`,
      );
    });
    // Every article that addresses the topic, once, in relevance order; the two others in no block.
    const shownAuthors = pages.flatMap(authors);
    expect(shownAuthors).toEqual(expected.addressing.map((p) => p.article.short));
    expect(shownAuthors).toHaveLength(8);
    expect(
      pages.flatMap((d) => (d.embeds ?? []).map((e) => e.footer?.text)),
      'each block whole, on one page',
    ).toEqual(expected.addressing.map((p) => p.passages.map((h) => h.passage.id).join(' · ')));

    // ◀ Prev goes back one page.
    const prev = buttonLabelled(pages.at(-1) ?? {}, '◀ Prev');
    const back = await click(message, prev ?? '');
    expect(back.type).toBe(7);
    expect(authors(back.data)).toEqual(authors(pages.at(-2) ?? {}));
  });

  it('Discuss posts the evidence of every addressing article to the class, following up what did not fit', async () => {
    const h0 = stack.standIn.slash({
      user: 'teacher',
      channel: 'discussion',
      name: 'compare',
      options: { topic: MANY_TOPIC },
    });
    const first = (await h0.response()).data as Shown;
    const message = h0.original() ?? (await h0.waitForOriginal());
    const discuss = buttonIds(first).find((id) => decodeId(id)?.action === 'discuss') ?? '';
    const h = stack.standIn.button({ user: 'teacher', message, customId: discuss });
    const posted = (await h.response()).data as Shown;
    expect((posted.flags ?? 0) & EPHEMERAL).toBe(0);
    const wanted = expected.addressing.map((p) => p.article.short);
    const seen = authors(posted).filter((a) => a !== undefined && wanted.includes(a));
    for (let n = 1; seen.length < wanted.length && n <= 5; n++) {
      const more = await h.waitForFollowUp(n);
      expect((more.flags ?? 0) & EPHEMERAL).toBe(0);
      seen.push(...authors(more).filter((a) => a !== undefined && wanted.includes(a)));
    }
    expect([...seen].sort()).toEqual([...wanted].sort());
  });

  it('answers a stale page button privately once the articles changed', async () => {
    const first = await run(MANY_TOPIC);
    const message = first.h.original() ?? (await first.h.waitForOriginal());
    const next = buttonLabelled(first.data, 'Next ▶') ?? '';
    expect(decodeId(next)?.action).toBe('page');
    // The most relevant article leaves the class; the bot reloads its content without a restart.
    const gone = expected.addressing[0]?.article;
    rmSync(path.join(folder.dir, 'articles', `${gone?.id ?? ''}.md`));
    await stack.waitForOutput('content reloaded', 15_000);
    expect(authors((await run(MANY_TOPIC)).data)).not.toContain(gone?.short);
    const stale = await click(message, next);
    expect(stale.type).toBe(4);
    expect((stale.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(stale.data.content).toBe(STALE_PAGE);
    expect(buttonIds(stale.data)).toEqual([]);
  });
});
