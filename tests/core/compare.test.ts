import { describe, expect, it } from 'vitest';
import { compare, findTopic } from '../../src/core/compare.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { hasArticle, realLibrary, tinyContent } from '../helpers/content.js';

const content = tinyContent(
  [
    {
      id: 'alpha',
      body: [
        'Europe worried about the price of natural gas.',
        'The gas pipeline to Germany was a threat.',
        'Nothing here about fuel.',
      ].join('\n\n'),
    },
    { id: 'beta', body: ['Bread is baked daily.', 'The bakers sold bread and cakes.'].join('\n\n') },
  ],
  `topics:
  - id: gas
    title: Gas and pipelines
    terms: [gas pipeline, natural gas]
    pinned: [alpha#2]
    prompts: { understand: u, analyze: a, evaluate: e }
`,
);
const index = createSearchIndex(content.passages.values());

describe('findTopic', () => {
  it('finds a curated topic by id or title, ignoring case', () => {
    expect(findTopic(content, 'gas')?.id).toBe('gas');
    expect(findTopic(content, '  GAS and Pipelines ')?.id).toBe('gas');
    expect(findTopic(content, 'pipelines')).toBeUndefined();
  });
});

describe('compare', () => {
  it('lists every article, pinned passages first, and reports an article that does not address the topic', () => {
    const c = compare(content, index, 'gas');
    expect(c?.topic?.id).toBe('gas');
    const [alpha, beta] = c?.perspectives ?? [];
    expect(alpha?.article.id).toBe('alpha');
    expect(alpha?.label).toBe('View of alpha');
    expect(alpha?.passages.map((p) => [p.passage.id, p.pinned])).toEqual([
      ['alpha#2', true],
      ['alpha#1', false],
    ]);
    expect(beta?.article.id).toBe('beta');
    expect(beta?.passages).toEqual([]);
    expect(beta?.total).toBe(0);
  });
  it('takes free text, and never fills an article with an unrelated passage', () => {
    const c = compare(content, index, 'bakers bread');
    expect(c?.topic).toBeUndefined();
    expect(c?.title).toBe('bakers bread');
    expect(c?.perspectives.find((p) => p.article.id === 'alpha')?.passages).toEqual([]);
    expect(c?.perspectives.find((p) => p.article.id === 'beta')?.passages[0]?.passage.id).toBe('beta#2');
  });
  it('needs most of a query’s weight: one common word is not enough', () => {
    // No passage has both words, and neither word alone carries 60% of the query's weight.
    const c = compare(content, index, 'gas cakes');
    expect(c?.perspectives.map((p) => p.passages.length)).toEqual([0, 0]);
    // With both words present, it qualifies.
    expect(
      compare(content, index, 'bread cakes')?.perspectives[1]?.passages.map((p) => p.passage.id),
    ).toEqual(['beta#2']);
  });
  it('pages with offset and perArticle, and filters by article', () => {
    const page2 = compare(content, index, 'gas', { perArticle: 1, offset: 1, articleId: 'alpha' });
    expect(page2?.perspectives.map((p) => p.article.id)).toEqual(['alpha']);
    expect(page2?.perspectives[0]?.passages.map((p) => p.passage.id)).toEqual(['alpha#1']);
    expect(page2?.perspectives[0]?.total).toBe(2);
  });
  it('returns null for input with nothing to search', () => {
    expect(compare(content, index, '   ')).toBeNull();
    expect(compare(content, index, 'the and of')).toBeNull();
  });
});

describe('compare on the real articles', () => {
  it('every curated topic finds passages in at least one article, and pinned passages come first', async () => {
    const core = await realLibrary();
    for (const topic of core.content.topics) {
      const c = compare(core.content, core.index, topic.id, { perArticle: 50 });
      const found = c?.perspectives.flatMap((p) => p.passages.map((h) => h.passage.id)) ?? [];
      expect(
        found.length,
        `topic ${topic.id}: no article addresses it; fix its terms or remove it`,
      ).toBeGreaterThan(0);
      for (const pin of topic.pinned) expect(found, topic.id).toContain(pin);
    }
  });
  // Sumner never mentions China or potash; Kulakevich does. These hold while both articles are there.
  const withBoth = it.skipIf(!hasArticle('sumner-riyadh') || !hasArticle('kulakevich-qa'));
  withBoth('says Sumner does not address China, without inventing a passage', async () => {
    const core = await realLibrary();
    const c = compare(core.content, core.index, 'China');
    expect(c?.perspectives.find((p) => p.article.id === 'sumner-riyadh')?.passages).toEqual([]);
    expect(c?.perspectives.find((p) => p.article.id === 'kulakevich-qa')?.passages.length).toBeGreaterThan(0);
  });
  withBoth('free text on a subject only one article covers', async () => {
    const core = await realLibrary();
    const c = compare(core.content, core.index, 'potash fertilizer');
    expect(c?.perspectives.find((p) => p.article.id === 'kulakevich-qa')?.passages[0]?.passage.id).toBe(
      'kulakevich-qa#21',
    );
    expect(c?.perspectives.find((p) => p.article.id === 'sumner-riyadh')?.passages).toEqual([]);
  });
});
