import { describe, expect, it } from 'vitest';
import { articlesAnswer } from '../../src/render/articles.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { buildContent } from '../../src/content/load.js';
import type { Content } from '../../src/content/types.js';
import { realLibrary, tinyContent, TINY_TOPICS } from '../helpers/content.js';

describe('articlesAnswer', () => {
  it('privately shows one embed per article, in order, with its metadata', async () => {
    const { content } = await realLibrary();
    const out = articlesAnswer(content);
    expect(out.ephemeral).toBe(true);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    const embeds = out.embeds ?? [];
    expect(embeds.map((e) => e.footer?.text)).toEqual(content.articles.map((a) => `id: ${a.id}`));
    expect(embeds.map((e) => e.author?.name)).toEqual(
      content.articles.map((a) => (a.authors.length > 0 ? a.authors.join(', ') : undefined)),
    );
    content.articles.forEach((a, i) => {
      const fields = embeds[i]?.fields ?? [];
      expect(
        fields.map((f) => f.name),
        a.id,
      ).toEqual([
        ...(a.perspective !== undefined ? ['Perspective'] : []),
        'Published',
        'Paragraphs',
        ...(a.notice ? ['Note'] : []),
      ]);
      const perspective = fields.find((f) => f.name === 'Perspective');
      expect(perspective?.value, a.id).toBe(a.perspective && escapeMarkdown(a.perspective));
      const paragraphs = fields.find((f) => f.name === 'Paragraphs');
      expect(paragraphs?.value, a.id).toBe(String(a.passages.length));
      expect(embeds[i]?.url, a.id).toBe(a.url);
    });
  });
  it('titles an article without a known title with its description in brackets, and links none', () => {
    const content = tinyContent([
      {
        id: 'untitled',
        body: 'Text.',
        untitled: true,
        extra: 'description: Opinion column on the talks\nnotice: The end of this copy is cut off.',
      },
      { id: 'linked', body: 'Text.', extra: 'url: https://example.com/linked' },
    ]);
    // Articles come in id order.
    const [linked, untitled] = articlesAnswer(content).embeds ?? [];
    expect(untitled?.title).toBe('[Opinion column on the talks]');
    expect(untitled).not.toHaveProperty('url');
    expect(untitled?.fields?.[3]).toEqual({ name: 'Note', value: 'The end of this copy is cut off.' });
    expect(linked?.title).toBe('Title of linked');
    expect(linked?.url).toBe('https://example.com/linked');
  });
  it('leaves out the Note for an article without a notice, and escapes markdown', () => {
    const content = tinyContent([{ id: 'plain', body: 'One paragraph.\n\nTwo paragraphs.' }]);
    const [e] = articlesAnswer(content).embeds ?? [];
    expect(e).toEqual({
      color: expect.any(Number) as number,
      author: { name: 'Ann Author' },
      title: 'Title of plain',
      description: 'Summary of plain.',
      fields: [
        { name: 'Perspective', value: 'View of plain' },
        { name: 'Published', value: 'The Outlet, February 2025 (opinion)', inline: true },
        { name: 'Paragraphs', value: '2', inline: true },
      ],
      footer: { text: 'id: plain' },
    });
    const marked = tinyContent([
      { id: 'marked', body: 'Text.', extra: 'notice: Words in *stars* and <@123>.' },
    ]);
    expect(articlesAnswer(marked).embeds?.[0]?.fields?.[3]).toEqual({
      name: 'Note',
      value: 'Words in \\*stars\\* and \\<@123\\>.',
    });
  });
  it('leaves out what the editor left out: no author, summary, perspective or outlet', () => {
    const bare = (date: string): Content => {
      const file = ['---', 'id: x', 'title: Title of x', 'kind: primary-source', date, '---', 'Text.'];
      const result = buildContent(
        new Map([
          ['articles/x.md', file.join('\n')],
          ['topics.yaml', TINY_TOPICS],
        ]),
      );
      if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
      return result.content;
    };
    const [e] = articlesAnswer(bare('date: 2025-02')).embeds ?? [];
    expect(e).toEqual({
      color: expect.any(Number) as number,
      title: 'Title of x',
      fields: [
        { name: 'Published', value: 'February 2025 (primary source)', inline: true },
        { name: 'Paragraphs', value: '1', inline: true },
      ],
      footer: { text: 'id: x' },
    });
    const [u] = articlesAnswer(bare('')).embeds ?? [];
    expect(u?.fields?.[0]).toEqual({ name: 'Published', value: 'primary source', inline: true });
    expect(JSON.stringify([e, u])).not.toMatch(/undefined|\(\)|\[\]/);
  });
});
