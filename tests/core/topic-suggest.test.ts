import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { suggestionsYaml } from '../../src/cli/topics-yaml.js';
import { topicsSchema } from '../../src/content/schema.js';
import { compare } from '../../src/core/compare.js';
import { excerptOf, slugOf, suggestTopics, writtenForm } from '../../src/core/topic-suggest.js';
import {
  fixtureLibrary,
  loadLibrary,
  ONE_TOPIC,
  STEEL_ARTICLES,
  STEEL_TOPIC,
  UNRELATED_ARTICLES,
  writeContentDir,
} from '../helpers/topic-fixture.js';

const ALL = [...STEEL_ARTICLES, ...UNRELATED_ARTICLES];
const stems = (terms: readonly string[]) => terms.join(' ').toLowerCase();

describe('suggestTopics', () => {
  it('proposes the subject two articles share, with the articles that address it and those that do not', async () => {
    const library = await fixtureLibrary(ALL);
    const suggestions = suggestTopics(library);
    expect(suggestions).toHaveLength(1);
    const [steel] = suggestions;
    // Words as the articles write them, not stems.
    expect(steel?.terms).toEqual(expect.arrayContaining(['steel imports', 'tariffs', 'domestic mills']));
    expect(steel?.terms.length).toBeGreaterThanOrEqual(3);
    expect(steel?.terms.length).toBeLessThanOrEqual(8);
    expect(steel?.addressedBy.map((a) => a.articleId).sort()).toEqual(['car-maker', 'mill-town']);
    expect([...(steel?.notAddressedBy ?? [])].sort()).toEqual(['sourdough', 'tomatoes', 'violin']);
    // The steel paragraphs, not the fair or the football league.
    const ids = steel?.addressedBy.flatMap((a) => a.passages.map((p) => p.passageId)).sort();
    expect(ids).toEqual(['car-maker#1', 'car-maker#3', 'mill-town#1', 'mill-town#3']);
    expect(steel?.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(steel?.title).toMatch(/steel imports|tariffs|domestic mills/i);
  });

  it('pins the best passage of each article that addresses it, and each excerpt is the passage’s own words', async () => {
    const library = await fixtureLibrary(ALL);
    const [steel] = suggestTopics(library);
    expect(steel?.pinned).toHaveLength(2);
    for (const a of steel?.addressedBy ?? []) {
      expect(steel?.pinned).toContain(a.passages[0]?.passageId);
      for (const p of a.passages) {
        const text = library.content.passages.get(p.passageId)?.text.replace(/\s+/g, ' ') ?? '';
        expect(text).toContain(p.excerpt.replace(/^…|…$/g, ''));
        expect(p.excerpt.length).toBeLessThanOrEqual(82);
      }
    }
  });

  it('addresses exactly what /compare shows once the topic is in topics.yaml', async () => {
    const library = await fixtureLibrary(ALL);
    const [steel] = suggestTopics(library);
    if (!steel) throw new Error('no suggestion');
    const filled = `${ONE_TOPIC}${suggestionsYaml([steel], 5)
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n')
      .replace(/: ''.*$/gm, ': A question the teacher wrote.')}\n`;
    const dir = writeContentDir(ALL, filled);
    try {
      const pasted = await loadLibrary(dir);
      const result = compare(pasted.content, pasted.index, steel.id, { perArticle: 100 });
      const addressed = result?.perspectives.filter((p) => p.total > 0).map((p) => p.article.id);
      expect(addressed?.sort()).toEqual(steel.addressedBy.map((a) => a.articleId).sort());
      const shown = result?.perspectives.flatMap((p) => p.passages.map((h) => h.passage.id)).sort();
      expect(shown).toEqual(steel.addressedBy.flatMap((a) => a.passages.map((p) => p.passageId)).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints YAML that parses and passes the topics schema once the questions are written', async () => {
    const library = await fixtureLibrary(ALL);
    const yaml = suggestionsYaml(suggestTopics(library), library.content.articles.length);
    expect(yaml).toContain('write the three questions yourself');
    const parsed = parse(`topics:\n${yaml}`) as { topics: Record<string, unknown>[] };
    // As printed, the questions are empty: the validator refuses them until the teacher writes them.
    expect(topicsSchema.safeParse(parsed).success).toBe(false);
    const topic = parsed.topics[0];
    expect(topic?.prompts).toEqual({ understand: '', analyze: '', evaluate: '' });
    for (const t of parsed.topics) t.prompts = { understand: 'Q1?', analyze: 'Q2?', evaluate: 'Q3?' };
    const checked = topicsSchema.safeParse(parsed);
    expect(checked.error?.message).toBeUndefined();
    expect(checked.data?.topics[0]?.pinned.length).toBeGreaterThan(0);
  });

  it('does not propose a topic already in topics.yaml', async () => {
    const library = await fixtureLibrary(ALL, STEEL_TOPIC);
    const suggestions = suggestTopics(library);
    for (const s of suggestions) {
      expect(stems(s.terms)).not.toMatch(/steel|tariff|mill/);
      expect(s.addressedBy.map((a) => a.articleId)).not.toEqual(['car-maker', 'mill-town']);
    }
    expect(suggestions).toEqual([]);
  });

  it('proposes nothing when the articles share no subject', async () => {
    // Two of them share an incidental word ("water", "watering"), which is no topic.
    const library = await fixtureLibrary(UNRELATED_ARTICLES);
    expect(suggestTopics(library)).toEqual([]);
    const yaml = suggestionsYaml([], 3);
    expect(yaml).toContain('No topic to suggest');
    expect(parse(yaml)).toBeNull();
  });

  it('needs as many articles as --min-articles asks, and stops at --max', async () => {
    const library = await fixtureLibrary(ALL);
    expect(suggestTopics(library, { minArticles: 3 })).toEqual([]);
    expect(suggestTopics(library, { max: 0 })).toEqual([]);
    // A third article on steel imports makes three.
    const third = {
      id: 'port-crane',
      body: [
        'Dock workers unloaded fewer steel imports after the tariffs, and domestic mills filled the gap.',
        'The harbour festival drew crowds to see the tall ships.',
        'The tariffs on steel imports divided the union: domestic mills gained, the port lost shifts.',
        'A new ferry now links the islands twice a day.',
      ].join('\n\n'),
    };
    const three = await fixtureLibrary([...ALL, third]);
    const [steel] = suggestTopics(three, { minArticles: 3 });
    expect(steel?.addressedBy.map((a) => a.articleId).sort()).toEqual([
      'car-maker',
      'mill-town',
      'port-crane',
    ]);
  });
});

describe('helpers', () => {
  it('writes a term as the articles do, in lower case where they write it so', () => {
    expect(
      writtenForm(
        new Map([
          ['Tariffs', 3],
          ['tariffs', 1],
        ]),
      ),
    ).toBe('tariffs');
    expect(writtenForm(new Map([['Saudi Arabia', 2]]))).toBe('Saudi Arabia');
  });

  it('makes slugs the validator accepts from any words', () => {
    expect(slugOf('Steel imports / tariffs')).toBe('steel-imports-tariffs');
    expect(slugOf('Zelenskyy’s “peace” café')).toBe('zelenskyy-s-peace-cafe');
    expect(slugOf('a'.repeat(30) + ' ' + 'b'.repeat(30))).toBe('a'.repeat(30));
  });

  it('cuts an excerpt around the first matched word, with … where it cuts', () => {
    const text = `${'Opening words go here and on. '.repeat(4)}Then the tariffs came and ${'more words follow. '.repeat(8)}`;
    const excerpt = excerptOf(text, ['tariff']);
    expect(excerpt).toMatch(/^….*tariffs came.*…$/);
    expect(excerptOf('Short and whole.', ['whole'])).toBe('Short and whole.');
  });
});
