/**
 * Every shipped prompt, rendered as /prompt posts it, shows evidence from every author it names,
 * and all of its topic's pinned passages without pressing **More**. The prompts, authors and
 * pins come from the loaded content, so a teacher's new article or topic is checked too.
 */
import { readFileSync } from 'node:fs';
import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { checkPrompts, namedAuthors, type NamedAuthor } from '../../src/core/prompt-check.js';
import { isPromptLevel, pickPrompt } from '../../src/core/prompts.js';
import { promptPost } from '../../src/render/prompt.js';
import { realLibrary } from '../helpers/content.js';

/** The speakers of the passages an evidence block shows: "**¶14** · Tatsiana Kulakevich". */
function speakersShown(embed: APIEmbed | undefined): string[] {
  return [...(embed?.description ?? '').matchAll(/^\*\*¶\d+\*\* · (.+)$/gm)].map((m) => m[1] ?? '');
}

/** Whether the article's block shows a passage in the author's own words ("A and B" for co-authors). */
function showsOwnWords(blocks: readonly APIEmbed[], author: NamedAuthor): boolean {
  const block = blocks.find((e) => e.author?.name === author.article.short);
  return speakersShown(block).some((s) => s.split(' and ').includes(author.name));
}

/** The blocks /prompt posts below the question, one per article. */
function evidenceBlocks(...args: Parameters<typeof pickPrompt>): { text: string; blocks: APIEmbed[] } {
  const result = pickPrompt(...args);
  if (!result.ok) throw new Error(result.error);
  const [, ...blocks] =
    promptPost(result.pick, { poll: true, topicTitle: result.pick.evidence.title }).embeds ?? [];
  return { text: result.pick.prompt.text, blocks };
}

describe('the shipped prompts', () => {
  it('include the README’s /prompt example, which shows the words of every author it names', async () => {
    const { content, index } = await realLibrary();
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const [, topicId = '', level = ''] = /`\/prompt topic: (\S+) level: (\S+)/.exec(readme) ?? [];
    expect(isPromptLevel(level), `README example level "${level}"`).toBe(true);
    if (!isPromptLevel(level)) return;
    const { text, blocks } = evidenceBlocks(content, index, { topicId, level });
    const named = namedAuthors(content, text);
    expect(named.length, 'the README example names no author').toBeGreaterThan(0);
    for (const author of named) expect(showsOwnWords(blocks, author), author.name).toBe(true);
  });
  it('show passages in the words of every author they name, and every pinned passage, as posted', async () => {
    const { content, index } = await realLibrary();
    let namedCount = 0;
    for (const topic of content.topics) {
      for (const prompt of topic.prompts) {
        const { text, blocks } = evidenceBlocks(content, index, { topicId: topic.id, level: prompt.level });
        expect(text).toBe(prompt.text);

        for (const author of namedAuthors(content, prompt.text)) {
          namedCount++;
          expect(showsOwnWords(blocks, author), `${prompt.id} names ${author.name}`).toBe(true);
        }
        const shownIds = blocks.flatMap((e) => e.footer?.text.split(' · ') ?? []);
        for (const pin of topic.pinned) expect(shownIds, `${prompt.id}: pin ${pin}`).toContain(pin);
      }
    }
    expect(namedCount, 'no shipped prompt names an author, so nothing was checked').toBeGreaterThan(0);
  });
  it('pass the prompt check of content:check without a warning', async () => {
    const { content, index } = await realLibrary();
    expect(checkPrompts(content, index)).toEqual([]);
  });
});
