/**
 * /compare's pages in a class of ten articles (tests/helpers/many-articles.ts): a topic eight of
 * them address does not fit one message.
 */
import type { APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { compare, type Comparison } from '../../src/core/compare.js';
import { buildLibrary, type Library } from '../../src/core/index.js';
import {
  compareAnswer,
  comparePageAnswer,
  comparePages,
  evidenceFollowUps,
  pagesFingerprint,
  perspectiveEmbed,
} from '../../src/render/compare.js';
import { decodeId } from '../../src/render/custom-id.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { embedLength, splitEmbed, type Payload } from '../../src/render/payload.js';
import { buttons, embedsOf, everyPage, footerOf } from '../helpers/compare.js';
import {
  MANY_TOPIC,
  MANY_TOPIC_TITLE,
  writeManyArticles,
  type ManyArticlesFolder,
} from '../helpers/many-articles.js';
describe('/compare pages in a class of ten articles', () => {
  let folder: ManyArticlesFolder;
  let library: Library;
  async function load(dir: string): Promise<Library> {
    const loaded = await loadContent(dir);
    if (!loaded.ok)
      throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    return buildLibrary(loaded.content);
  }
  beforeAll(async () => {
    folder = writeManyArticles();
    library = await load(folder.dir);
  });
  afterAll(() => {
    folder.remove();
  });
  const energy = (lib: Library = library): Comparison => {
    const c = compare(lib.content, lib.index, MANY_TOPIC);
    if (!c) throw new Error('no comparison');
    return c;
  };

  it('does not fit one message, so it has pages', () => {
    const c = energy();
    const all = c.addressing.flatMap((p) => splitEmbed(perspectiveEmbed(p, c.title)));
    expect(all.reduce((n, e) => n + embedLength(e), 0)).toBeGreaterThan(LIMITS.embedTotal);
    expect(comparePages(c).length).toBeGreaterThan(1);
  });
  it('shows every addressing article exactly once across the pages, most relevant first, each block whole', () => {
    const c = energy();
    const pages = everyPage(c, MANY_TOPIC);
    expect(pages.length).toBe(comparePages(c).length);
    const embeds = pages.flatMap(embedsOf);
    expect(embeds.map((e) => e.author?.name)).toEqual(c.addressing.map((p) => p.article.short));
    expect(embeds.map((e) => e.footer?.text)).toEqual(c.addressing.map(footerOf));
    expect(embeds.some((e) => /not shown|does not address/.test(e.description ?? ''))).toBe(false);
    expect(new Set(c.addressing.map((p) => p.article.id))).toEqual(
      new Set(folder.addressing.get(MANY_TOPIC)),
    );
  });
  it('lists exactly the two other articles on one "Not addressed by" line, and numbers the pages', () => {
    const c = energy();
    const names = (folder.notAddressing.get(MANY_TOPIC) ?? []).map(
      (id) => library.content.articleById.get(id)?.short,
    );
    expect(names).toHaveLength(2);
    const pages = everyPage(c, MANY_TOPIC);
    pages.forEach((out, k) => {
      expect(out.content).toBe(
        `**Compare:** ${MANY_TOPIC_TITLE} · Page ${String(k + 1)} of ${String(pages.length)}\nNot addressed by: ${names.join(', ')}.`,
      );
    });
  });
  it('keeps every page within Discord’s limits', () => {
    for (const out of everyPage(energy(), MANY_TOPIC)) {
      const embeds = embedsOf(out);
      expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
      expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
      expect(out.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
      expect(out.components?.length ?? 0).toBeLessThanOrEqual(LIMITS.actionRows);
      for (const r of out.components ?? [])
        expect(r.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
      expect(out.ephemeral).toBe(true);
    }
  });
  it('has ◀ Prev and Next ▶, disabled at the ends, and Prev goes back', () => {
    const c = energy();
    const pages = everyPage(c, MANY_TOPIC);
    const nav = (out: Payload) =>
      (out.components?.[0]?.components ?? []).map((b) => {
        const x = b as APIButtonComponentWithCustomId;
        return [x.label, x.disabled, decodeId(x.custom_id)?.action];
      });
    expect(nav(pages[0] ?? compareAnswer(c, MANY_TOPIC))).toEqual([
      ['◀ Prev', true, 'noop'],
      ['Next ▶', false, 'page'],
    ]);
    expect(nav(pages.at(-1) ?? compareAnswer(c, MANY_TOPIC))).toEqual([
      ['◀ Prev', false, 'page'],
      ['Next ▶', true, 'noop'],
    ]);
    const prev = buttons(pages[1] ?? compareAnswer(c, MANY_TOPIC)).find(([label]) => label === '◀ Prev')?.[1];
    const [, , target, count, fingerprint] = prev ?? [];
    expect(
      comparePageAnswer(c, MANY_TOPIC, {
        page: Number(target),
        pageCount: Number(count),
        fingerprint: fingerprint ?? '',
      }),
    ).toEqual(pages[0]);
  });
  it('recognises a stale page button: wrong page, page count or fingerprint, or changed articles', async () => {
    const c = energy();
    const pages = comparePages(c);
    const ref = { page: 1, pageCount: pages.length, fingerprint: pagesFingerprint(pages) };
    expect(comparePageAnswer(c, MANY_TOPIC, ref)).not.toBeNull();
    expect(comparePageAnswer(c, MANY_TOPIC, { ...ref, page: pages.length })).toBeNull();
    expect(comparePageAnswer(c, MANY_TOPIC, { ...ref, page: Number('x') })).toBeNull();
    expect(comparePageAnswer(c, MANY_TOPIC, { ...ref, pageCount: pages.length + 1 })).toBeNull();
    expect(comparePageAnswer(c, MANY_TOPIC, { ...ref, fingerprint: 'zzz' })).toBeNull();
    // The same folder with the most relevant article removed pages differently.
    const changed = writeManyArticles();
    try {
      rmSync(path.join(changed.dir, 'articles', `${c.addressing[0]?.article.id ?? ''}.md`));
      expect(comparePageAnswer(energy(await load(changed.dir)), MANY_TOPIC, ref)).toBeNull();
    } finally {
      changed.remove();
    }
  });
});

describe('evidenceFollowUps', () => {
  it('posts, in whole public blocks, every addressing article a Discuss post left out, and nothing twice', async () => {
    const folder = writeManyArticles();
    try {
      const loaded = await loadContent(folder.dir);
      if (!loaded.ok) throw new Error('the fixture does not load');
      const lib = buildLibrary(loaded.content);
      const c = compare(lib.content, lib.index, MANY_TOPIC);
      if (!c) throw new Error('no comparison');
      // A post with room for only the first three blocks, as a crowded prompt post would be.
      const post = compareAnswer({ ...c, addressing: c.addressing.slice(0, 3) }, MANY_TOPIC);
      const follow = evidenceFollowUps(c, post);
      expect(follow.length).toBeGreaterThan(0);
      for (const out of follow) {
        expect(out.ephemeral).toBe(false);
        expect(out.allowed_mentions).toEqual({ parse: [] });
        expect(embedsOf(out).reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
        expect(out).not.toHaveProperty('components');
      }
      expect([...embedsOf(post), ...follow.flatMap(embedsOf)].map((e) => e.author?.name)).toEqual(
        c.addressing.map((p) => p.article.short),
      );
      expect(follow.map((f) => f.content)).toEqual(
        follow.map(
          (_, k) => `**${MANY_TOPIC_TITLE}**: more evidence (${String(k + 1)} of ${String(follow.length)})`,
        ),
      );
      expect(
        evidenceFollowUps(c, { ...post, embeds: c.addressing.map((p) => perspectiveEmbed(p, c.title)) }),
      ).toEqual([]);
    } finally {
      folder.remove();
    }
  });
});
