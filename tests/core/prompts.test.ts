import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allPrompts,
  isPromptLevel,
  isTemplated,
  pickPrompt,
  promptById,
  usedPromptIds,
  type PickOptions,
} from '../../src/core/prompts.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { tinyContent, TINY_TOPICS } from '../helpers/content.js';
import { MANY_TOPIC } from '../helpers/many-articles.js';
import { manyLibrary, type ManyLibrary } from '../helpers/many-library.js';

const content = tinyContent([{ id: 'alpha', body: 'The gas pipeline and the bread.' }], TINY_TOPICS);
const index = createSearchIndex(content.passages.values());

/** A deterministic random sequence. */
function seq(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('isPromptLevel', () => {
  it('accepts the three Bloom levels only', () => {
    expect(['understand', 'analyze', 'evaluate'].every(isPromptLevel)).toBe(true);
    expect(isPromptLevel('remember')).toBe(false);
  });
});

describe('promptById', () => {
  it('finds a prompt by topic and level', () => {
    expect(promptById(content, 'gas:analyze')?.text).toBe('How do they differ on gas?');
    expect(promptById(content, 'gas:create')).toBeUndefined();
  });
});

describe('pickPrompt', () => {
  it('picks by topic and level, with the topic’s evidence', () => {
    const r = pickPrompt(content, index, { topicId: 'gas', level: 'evaluate' });
    expect(r.ok && r.pick.prompt.id).toBe('gas:evaluate');
    expect(r.ok && r.pick.evidence.topic?.id).toBe('gas');
    expect(r.ok && r.pick.evidence.perspectives[0]?.passages[0]?.passage.id).toBe('alpha#1');
  });
  it('rejects an unknown topic with a message listing the topics', () => {
    expect(pickPrompt(content, index, { topicId: 'nope' })).toEqual({
      ok: false,
      error: 'Unknown topic "nope". Topics: gas, bread.',
    });
  });
  it('never repeats until every prompt has been used, then starts over', () => {
    const used: string[] = [];
    const random = seq(0.99, 0, 0.5, 0.3, 0.7, 0.1);
    const total = allPrompts(content).length;
    for (let i = 0; i < total; i++) {
      const r = pickPrompt(content, index, { used, random });
      if (!r.ok) throw new Error(r.error);
      expect(used).not.toContain(r.pick.prompt.id);
      expect(r.pick.restarted).toBe(false);
      used.push(r.pick.prompt.id);
    }
    expect(new Set(used).size).toBe(total);
    const again = pickPrompt(content, index, { used, random });
    expect(again.ok && again.pick.restarted).toBe(true);
  });
  it('rotates within a level', () => {
    const r = pickPrompt(content, index, { level: 'analyze', used: ['gas:analyze'], random: seq(0) });
    expect(r.ok && r.pick.prompt.id).toBe('bread:analyze');
  });
});

describe('usedPromptIds', () => {
  it('reads the prompt ids from prompt footers and ignores every other embed and message', () => {
    expect(
      usedPromptIds([
        { embeds: [{ footer: { text: 'Prompt riyadh-talks:analyze' } }, { footer: { text: 'x#1 · x#2' } }] },
        { embeds: [] },
        { embeds: [{ footer: null }, {}] },
        {
          embeds: [{ footer: { text: 'Prompted by a teacher' } }, { footer: { text: 'id: sumner-riyadh' } }],
        },
        { embeds: [{ footer: { text: 'Prompt china-triangle:evaluate ' } }] },
      ]),
    ).toEqual(['riyadh-talks:analyze', 'china-triangle:evaluate']);
  });
});

describe('pickPrompt in a class of ten articles', () => {
  let many: ManyLibrary;
  let outsideId = '';
  beforeAll(async () => {
    many = await manyLibrary();
    const inAny = new Set([...many.addressing.values()].flat());
    outsideId = many.library.content.articles.find((a) => !inAny.has(a.id))?.id ?? '';
  });
  afterAll(() => {
    many.remove();
  });
  const pick = (options: PickOptions) => pickPrompt(many.library.content, many.library.index, options);

  it('gives the evidence most relevant first: the article with the most passages on the topic first', () => {
    const r = pick({ topicId: MANY_TOPIC, level: 'analyze' });
    if (!r.ok) throw new Error(r.error);
    const ids = r.pick.evidence.perspectives.map((p) => p.article.id);
    expect(ids.slice(0, many.energyByPassages.length)).toEqual(many.energyByPassages);
    expect(ids.slice(many.energyByPassages.length)).toEqual(many.notAddressing.get(MANY_TOPIC));
  });
  it('with article:, picks among the curated topics that article addresses', () => {
    const [meals] = many.addressing.get('school-meals') ?? [];
    const onlyMeals = many.library.content.articles.find(
      (a) => a.id === meals && !(many.addressing.get(MANY_TOPIC) ?? []).includes(a.id),
    );
    const id = onlyMeals?.id ?? 'diaz-gardens';
    const seen = new Set<string>();
    for (const x of [0, 0.5, 0.99]) {
      const r = pick({ articleId: id, random: () => x });
      if (!r.ok) throw new Error(r.error);
      seen.add(r.pick.prompt.id.split(':')[0] ?? '');
    }
    expect([...seen]).toEqual(['school-meals']);
  });
  it('with article: outside every topic, fills the templates for it and shows its own passages', () => {
    const r = pick({ articleId: outsideId, level: 'understand', random: () => 0 });
    if (!r.ok) throw new Error(r.error);
    expect(isTemplated(r.pick.prompt)).toBe(true);
    expect(r.pick.prompt.id).toBe(`article:${outsideId}:understand:1.1`);
    expect(r.pick.prompt.text).toMatch(/^What does \S+ \S+ say about “.+”\?$/);
    expect(r.pick.evidence.perspectives.map((p) => p.article.id)).toEqual([outsideId]);
  });
  it('rotates through the filled templates without repeating, then starts over', () => {
    const used: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = pick({ articleId: outsideId, level: 'understand', used, random: () => 0 });
      if (!r.ok) throw new Error(r.error);
      expect(r.pick.restarted).toBe(false);
      used.push(r.pick.prompt.id);
    }
    expect(used).toEqual([`article:${outsideId}:understand:1.1`, `article:${outsideId}:understand:2.1`]);
    const again = pick({ articleId: outsideId, level: 'understand', used, random: () => 0 });
    expect(again.ok && again.pick.restarted).toBe(true);
  });
  it('includes the outside article in the default rotation, one slot per level', () => {
    const curated = allPrompts(many.library.content).map((p) => p.id);
    const used: string[] = [];
    // The slots: each curated prompt, and the outside article at each level it has templates for
    // (understand and analyze: the test's evaluate template names {title} and {topic}, and this
    // article has no headings).
    const slots = curated.length + 2;
    for (let i = 0; i < slots; i++) {
      const r = pick({ used, random: () => 0 });
      if (!r.ok) throw new Error(r.error);
      used.push(r.pick.prompt.id);
    }
    expect(used.filter((id) => id.startsWith(`article:${outsideId}:`)).map((id) => id.split(':')[2])).toEqual(
      expect.arrayContaining(['understand', 'analyze']),
    );
    expect(used.filter((id) => id.startsWith('article:'))).toHaveLength(2);
    expect(new Set(used.filter((id) => !id.startsWith('article:')))).toEqual(new Set(curated));
  });
  it('for a poll, leaves out the templates (one article each) and keeps every curated prompt', () => {
    const used: string[] = [];
    const total = allPrompts(many.library.content).length;
    for (let i = 0; i < total; i++) {
      const r = pick({ used, comparative: true, random: () => 0.99 });
      if (!r.ok) throw new Error(r.error);
      expect(isTemplated(r.pick.prompt)).toBe(false);
      used.push(r.pick.prompt.id);
    }
    expect(new Set(used).size).toBe(total);
    const again = pick({ used, comparative: true, random: () => 0.99 });
    expect(again.ok && again.pick.restarted).toBe(true);
  });
  it('says clearly when the article is unknown, or does not address the topic asked for', () => {
    expect(pick({ articleId: 'nope' })).toEqual({
      ok: false,
      error: `Unknown article "nope". Articles: ${many.library.content.articles.map((a) => a.id).join(', ')}.`,
    });
    const short = many.library.content.articleById.get(outsideId)?.short ?? '';
    expect(pick({ articleId: outsideId, topicId: MANY_TOPIC })).toEqual({
      ok: false,
      error: `${short} does not address the topic "${MANY_TOPIC}".`,
    });
  });
  it('says so when an outside article has no templates to fill', async () => {
    const bare = await manyLibrary(null);
    try {
      const r = pickPrompt(bare.library.content, bare.library.index, { articleId: outsideId });
      expect(r.ok ? '' : r.error).toMatch(
        /is outside every curated topic, and content\/templates\.yaml has no questions/,
      );
      const all = pickPrompt(bare.library.content, bare.library.index, { random: () => 0 });
      expect(all.ok && isTemplated(all.pick.prompt)).toBe(false);
    } finally {
      bare.remove();
    }
  });
});
