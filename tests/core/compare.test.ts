import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { compare, findTopic, TERM_WINDOW, type Perspective } from '../../src/core/compare.js';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { hasArticle, realLibrary, tinyContent } from '../helpers/content.js';
import { MANY_TOPIC, writeManyArticles, type ManyArticlesFolder } from '../helpers/many-articles.js';

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

describe('compare: words no article uses', () => {
  const war = tinyContent(
    [
      { id: 'north', body: ['The war began in spring.', 'Farmers planted wheat.'].join('\n\n') },
      { id: 'south', body: ['Nobody expected the war to last.', 'The harbour froze.'].join('\n\n') },
      { id: 'east', body: 'The orchestra played at dawn.' },
    ],
    `topics:
  - id: banned-war
    title: A banned war
    terms: [outlawed war]
    prompts: { understand: u, analyze: a, evaluate: e }
`,
  );
  const warIndex = createSearchIndex(war.passages.values());
  const ids = (ps: readonly Perspective[] | undefined) => ps?.map((p) => p.article.id);

  it('leaves a curated term’s unused word out of its weight, and names it', () => {
    const c = compare(war, warIndex, 'banned-war');
    expect(ids(c?.addressing)).toEqual(['north', 'south']);
    expect(ids(c?.notAddressing)).toEqual(['east']);
    expect(c?.unusedWords).toEqual(['outlawed']);
  });
  it('does the same for free text, naming the words as written', () => {
    const c = compare(war, warIndex, 'Outlawed war, forbidden');
    expect(ids(c?.addressing)).toEqual(['north', 'south']);
    expect(c?.unusedWords).toEqual(['outlawed', 'forbidden']);
  });
  it('names every word when no article uses any, and finds nothing', () => {
    const c = compare(war, warIndex, 'outlawed forbidden');
    expect(c?.addressing).toEqual([]);
    expect(c?.unusedWords).toEqual(['outlawed', 'forbidden']);
  });
  it('names no word when every word is used, nor a near-spelling of a used word', () => {
    expect(compare(war, warIndex, 'war wheat')?.unusedWords).toEqual([]);
    expect(compare(war, warIndex, 'orchestra')?.unusedWords).toEqual([]);
    expect(compare(war, warIndex, 'orchestrra')?.unusedWords).toEqual([]);
  });
});

describe('compare: the words of a term close together', () => {
  const far = Array.from({ length: TERM_WINDOW }, (_, k) => `word${String(k)}`).join(' ');
  const security = tinyContent(
    [
      { id: 'close', body: 'Their national security was at stake.' },
      { id: 'reversed', body: 'The security of the nation came first.' },
      { id: 'sentences', body: 'Congress passed the Security Act. Nationals of other states left soon.' },
      { id: 'distant', body: `Security, ${far}, for nationals.` },
      { id: 'titled', body: 'Mr. Security spoke; national news covered it.' },
    ],
    `topics:
  - id: security
    title: Security
    terms: [national security]
    prompts: { understand: u, analyze: a, evaluate: e }
`,
  );
  const securityIndex = createSearchIndex(security.passages.values());
  const ids = (ps: readonly Perspective[] | undefined) => ps?.map((p) => p.article.id).sort();

  it('matches a multi-word term only where its words are within the window of one sentence', () => {
    // "security" is the curated topic (terms: national security); "national security" is free text.
    for (const input of ['security', 'national security']) {
      const c = compare(security, securityIndex, input);
      expect(ids(c?.addressing), input).toEqual(['close', 'reversed', 'titled']);
      expect(ids(c?.notAddressing), input).toEqual(['distant', 'sentences']);
    }
  });
  it('counts a word of the name shown above a passage with any window', () => {
    // Every passage is Ann Author's: "Ann" is not in their text, but a reader sees it above each.
    expect(ids(compare(security, securityIndex, 'Ann stake')?.addressing)).toEqual(['close']);
  });
  it('still finds each word alone anywhere', () => {
    expect(ids(compare(security, securityIndex, 'nationals')?.addressing)).toHaveLength(5);
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

describe('compare in a class of ten articles', () => {
  let folder: ManyArticlesFolder;
  let library: Library;
  beforeAll(async () => {
    folder = writeManyArticles();
    const loaded = await loadContent(folder.dir);
    if (!loaded.ok)
      throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    library = buildLibrary(loaded.content);
  });
  afterAll(() => {
    folder.remove();
  });
  const compareTopic = (input: string) => {
    const c = compare(library.content, library.index, input);
    if (!c) throw new Error(`no comparison for ${input}`);
    return c;
  };

  it('loads: ten articles, three topics', () => {
    expect(library.content.articles).toHaveLength(10);
    expect(library.content.topics.map((t) => t.id)).toEqual([MANY_TOPIC, 'school-meals', 'river-floods']);
  });
  it('splits the articles into those that address each topic and those that do not, exactly', () => {
    for (const topic of library.content.topics) {
      const c = compareTopic(topic.id);
      const ids = (ps: readonly Perspective[]) => ps.map((p) => p.article.id);
      expect(new Set(ids(c.addressing)), topic.id).toEqual(new Set(folder.addressing.get(topic.id)));
      expect(ids(c.addressing), topic.id).toHaveLength(folder.addressing.get(topic.id)?.length ?? -1);
      expect(ids(c.notAddressing), topic.id).toEqual(folder.notAddressing.get(topic.id));
      expect(c.perspectives).toHaveLength(10);
      for (const p of c.notAddressing) expect(p.passages, p.article.id).toEqual([]);
    }
    expect(compareTopic(MANY_TOPIC).addressing).toHaveLength(8);
  });
  it('puts the most relevant article first: the one with most passages on the topic', () => {
    const c = compareTopic(MANY_TOPIC);
    const relevance = c.addressing.map((p) => p.relevance);
    expect(relevance).toEqual([...relevance].sort((a, b) => b - a));
    expect(relevance.every((r) => r > 0)).toBe(true);
    // The fixture's articles have 8, 7, … 1 passages on energy prices, each much like the others.
    expect(c.addressing.map((p) => p.article.id)).toEqual(folder.energyByPassages);
    expect(c.addressing.map((p) => p.total)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(c.notAddressing.map((p) => p.relevance)).toEqual([0, 0]);
  });
  it('counts a pinned passage in its article’s relevance', () => {
    const c = compareTopic('school-meals');
    expect(c.addressing[0]?.article.id).toBe('jones-schools');
    expect(c.addressing[0]?.passages[0]).toMatchObject({ pinned: true });
  });
});
