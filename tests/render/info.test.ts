import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { articlesAnswer, helpAnswer } from '../../src/render/info.js';
import { realCore, tinyContent } from '../helpers/content.js';

describe('articlesAnswer', () => {
  it('privately shows one embed per real article, in order, with its metadata', async () => {
    const core = await realCore();
    const out = articlesAnswer(core.content);
    expect(out.ephemeral).toBe(true);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    const embeds = out.embeds ?? [];
    expect(embeds.map((e) => e.footer?.text)).toEqual(['id: kulakevich-qa', 'id: sumner-riyadh']);
    expect(embeds.map((e) => e.author?.name)).toEqual(core.content.articles.map((a) => a.authors.join(', ')));
    // An article without a known title shows its description in brackets.
    expect(embeds[1]?.title).toBe('[Opinion column on the U.S.–Russia talks in Riyadh]');
  });
  it('gives Perspective, Published and Paragraphs fields, and a Note where the article has a notice', async () => {
    const core = await realCore();
    const [kulakevich, sumner] = articlesAnswer(core.content).embeds ?? [];
    const [ka, sa] = core.content.articles;
    expect(kulakevich?.fields).toEqual([
      { name: 'Perspective', value: ka?.perspective },
      { name: 'Published', value: 'The Conversation U.S., February 2025 (interview)', inline: true },
      { name: 'Paragraphs', value: String(ka?.passages.length), inline: true },
      {
        name: 'Note',
        value:
          "Machine-paraphrased copy of an interview published by The Conversation U.S. Its wording is not the speakers' own; words in \\[brackets\\] are editorial corrections of garbled phrases.",
      },
    ]);
    expect(sumner?.fields?.slice(0, 3)).toEqual([
      { name: 'Perspective', value: sa?.perspective },
      { name: 'Published', value: 'Daily Kos, February 2025 (opinion)', inline: true },
      { name: 'Paragraphs', value: String(sa?.passages.length), inline: true },
    ]);
    // sumner-riyadh has a notice too (its copy is cut off), so it gets a Note as well.
    expect(sumner?.fields?.[3]?.name).toBe('Note');
    expect(sumner?.fields?.[3]?.value).toContain('The end of this copy is cut off');
  });
  it('links the article only when its url is known', async () => {
    const core = await realCore();
    const [kulakevich, sumner] = articlesAnswer(core.content).embeds ?? [];
    expect(kulakevich?.url).toBe(core.content.articleById.get('kulakevich-qa')?.url);
    expect(kulakevich?.url).toMatch(/^https:\/\/theconversation\.com\/trumps-move-/);
    expect(sumner).not.toHaveProperty('url');
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
});

describe('helpAnswer', () => {
  const help = helpAnswer();
  const text = help.embeds?.[0]?.description ?? '';

  it('is private, never pings, and titled', () => {
    expect(help.ephemeral).toBe(true);
    expect(help.allowed_mentions).toEqual({ parse: [] });
    expect(help.embeds?.[0]?.title).toBe('Discussion guide');
  });
  it('mentions every other registered command by /name', () => {
    const names = commands.map((c) => c.data.name).filter((n) => n !== 'help');
    expect(names).toEqual(['quote', 'compare', 'prompt', 'summary', 'articles']);
    for (const name of names) expect(text, name).toContain(`**/${name}**`);
  });
  it('marks the teachers-only commands as such', () => {
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(`**/${name}**`)) ?? '';
    expect(line('prompt')).toContain('*teachers:*');
    expect(line('summary')).toContain('*teachers, inside a discussion thread:*');
    expect(line('quote')).not.toContain('teachers');
  });
});
