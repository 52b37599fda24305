/**
 * Every shipped prompt, rendered as /prompt posts it, shows evidence from every author it names,
 * and all of its topic's pinned passages without pressing **More**. The prompts, authors and
 * pins come from the loaded content, so a teacher's new article or topic is checked too.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { checkPrompts, namedAuthors } from '../../src/core/prompt-check.js';
import { pickPrompt } from '../../src/core/prompts.js';
import { promptPost } from '../../src/render/compare.js';
import { realCore } from '../helpers/content.js';

/** The speakers of the passages an evidence block shows: "**¶14** · Tatsiana Kulakevich". */
function speakersShown(embed: APIEmbed | undefined): string[] {
  return [...(embed?.description ?? '').matchAll(/^\*\*¶\d+\*\* · (.+)$/gm)].map((m) => m[1] ?? '');
}

describe('the shipped prompts', () => {
  it('show passages in the words of every author they name, and every pinned passage, as posted', async () => {
    const { content, index } = await realCore();
    let namedCount = 0;
    for (const topic of content.topics) {
      for (const prompt of topic.prompts) {
        const result = pickPrompt(content, index, { topicId: topic.id, level: prompt.level });
        if (!result.ok) throw new Error(result.error);
        expect(result.pick.prompt.id).toBe(prompt.id);
        const [, ...blocks] = promptPost(result.pick, { poll: true, topicTitle: topic.title }).embeds ?? [];

        for (const author of namedAuthors(content, prompt.text)) {
          namedCount++;
          const block = blocks.find((e) => e.author?.name === author.article.short);
          const speakers = speakersShown(block).map((s) => s.split(' and '));
          expect(
            speakers.some((names) => names.includes(author.name)),
            `${prompt.id} names ${author.name}, but shows: ${JSON.stringify(speakers)}`,
          ).toBe(true);
        }
        const shownIds = blocks.flatMap((e) => e.footer?.text.split(' · ') ?? []);
        for (const pin of topic.pinned) expect(shownIds, `${prompt.id}: pin ${pin}`).toContain(pin);
      }
    }
    expect(namedCount, 'no shipped prompt names an author, so nothing was checked').toBeGreaterThan(0);
  });
  it('pass the prompt check of content:check without a warning', async () => {
    const { content, index } = await realCore();
    expect(checkPrompts(content, index)).toEqual([]);
  });
});
