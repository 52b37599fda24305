import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../src/cli/format.js';
import { EXIT_OK, EXIT_USAGE, run } from '../../src/cli/run.js';
import { compare } from '../../src/core/compare.js';
import { buildLibrary } from '../../src/core/index.js';
import { hasArticle, realLibrary, TEST_CONTENT_DIR, tinyContent } from '../helpers/content.js';
import { manyLibrary } from '../helpers/many-library.js';
import { MANY_TOPIC } from '../helpers/many-articles.js';
import { ENGINEER, MAYOR, MAYOR_QUOTE, SPEAKER_ARTICLES } from '../helpers/speakers.js';

// Tests about one shipped article's own passages run while that article is in the content under test.
const withSumner = it.skipIf(!hasArticle('sumner-riyadh'));
const withKulakevich = it.skipIf(!hasArticle('kulakevich-qa'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, await realLibrary(), {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    style: PLAIN,
    random: () => 0,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function json(...argv: string[]) {
  const r = await cli(...argv, '--json');
  expect(r.code, r.err).toBe(EXIT_OK);
  return JSON.parse(r.out) as Record<string, unknown> & { results: Record<string, unknown>[] };
}

describe('quote --speaker', () => {
  const people = buildLibrary(tinyContent(SPEAKER_ARTICLES));
  function about(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(argv, people, { out: (t) => out.push(t), err: (t) => err.push(t), style: PLAIN });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('finds a person quoted inside a paragraph, credited as quoted by the paragraph’s speaker', () => {
    const r = about('quote', 'harbour wall', '--speaker', 'nunez');
    expect(r.code, r.err).toBe(EXIT_OK);
    const blocks = r.out.split('\n\n');
    expect(blocks).toHaveLength(2);
    // The reporter's paragraph, still hers, with the mayor's words credited to the mayor.
    const quoted = blocks.find((b) => b.includes('[harbour#2]'));
    expect(quoted).toMatch(/^\d\. Ann Author · /);
    expect(quoted).toContain(`${MAYOR}, as quoted by Ann Author: “We will rebuild the harbour wall,”`);
    // Her own answer is hers as a whole.
    expect(blocks.find((b) => b.includes('[mayor-talk#2]'))).toMatch(new RegExp(`^\\d\\. ${MAYOR} · `));
    // A paragraph that only names her is not her words.
    expect(r.out).not.toContain('harbour#1');
  });
  it('lists a person’s words with no query, and gives them in the JSON', () => {
    const r = about('quote', '--speaker', 'Omar Reyes', '--json');
    expect(r.code, r.err).toBe(EXIT_OK);
    const j = JSON.parse(r.out) as { speaker: string; results: Record<string, unknown>[] };
    expect(j.speaker).toBe(ENGINEER);
    expect(j.results).toHaveLength(1);
    expect(j.results[0]).toMatchObject({
      passageId: 'harbour#3',
      speaker: 'Ann Author',
      attribution: 'Ann Author',
      quoted: [
        {
          speaker: ENGINEER,
          attribution: `${ENGINEER}, as quoted by Ann Author`,
          text: '"It is finished,"',
          display: '“It is finished,”',
        },
      ],
    });
    const mayor = JSON.parse(about('quote', '--speaker', 'MARTA NÚÑEZ', '--json').out) as typeof j;
    expect(mayor.results.map((x) => x.passageId)).toEqual(['harbour#2', 'mayor-talk#2', 'mayor-talk#4']);
    expect(mayor.results[0]?.quoted).toEqual([expect.objectContaining({ text: MAYOR_QUOTE }) as unknown]);
    expect(mayor.results[1]?.quoted).toBeUndefined();
  });
  it('says whose words held no match', () => {
    expect(about('quote', 'council', '--speaker', 'reyes').out).toBe(
      `No passage with the words of ${ENGINEER} matches “council”.`,
    );
    expect(about('quote', '--speaker', 'reyes', '--article', 'mayor-talk').out).toBe(
      `No words of ${ENGINEER} in that article.`,
    );
  });
  it('refuses an unknown speaker in one line with the near names, exit 2', () => {
    const r = about('quote', 'wall', '--speaker', 'Nunes');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toBe(`No one called "Nunes" speaks or is quoted in the articles. Did you mean: ${MAYOR}?`);
    expect(r.out).toBe('');
    expect(about('quote', '--speaker', ' ').err).toBe('--speaker needs a name, e.g. --speaker zelenskyy.');
    expect(about('quote').err).toMatch(/^Give a query/);
  });
});

describe('quote', () => {
  withSumner('prints the passage with its speaker, article and paragraph', async () => {
    const r = await cli('quote', 'ammunition, not a ride');
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain(
      '1. Mark Sumner · [Opinion column on the U.S.–Russia talks in Riyadh] — Daily Kos, February 2025 (opinion), para. 39',
    );
    expect(r.out).toContain('"I need ammunition, not a ride."');
    expect(r.out).toContain('(quoting Volodymyr Zelenskyy)');
  });
  withKulakevich(
    'gives the documented JSON shape, with exact source text and bracketed display',
    async () => {
      const passage = (await realLibrary()).content.passages.get('kulakevich-qa#2');
      const j = await json('quote', 'disinformation space');
      expect(j.query).toBe('disinformation space');
      const top = j.results[0];
      expect(top).toMatchObject({
        passageId: 'kulakevich-qa#2',
        articleId: 'kulakevich-qa',
        paragraph: 2,
        speaker: 'The Conversation U.S. editors',
        // Exactly the source wording, and what a reader sees (corrections in [brackets]).
        text: passage?.text,
        display: passage?.display,
        terms: expect.arrayContaining(['disinformation', 'space']) as unknown,
        notice: (await realLibrary()).content.articleById.get('kulakevich-qa')?.notice,
      });
      expect(typeof top?.score).toBe('number');
    },
  );
  withSumner('credits a quoted paragraph to the person quoted', async () => {
    const j = await json('quote', 'you should have never started it', '--limit', '1');
    expect(j.results[0]).toMatchObject({
      passageId: 'sumner-riyadh#15',
      speaker: 'Donald Trump',
      attribution: 'Donald Trump, as quoted by Mark Sumner',
    });
  });
  withKulakevich('credits interview questions and answers', async () => {
    const q = await json('quote', 'clarify the present dynamic', '--limit', '1');
    expect(q.results[0]).toMatchObject({
      speaker: 'Amy Lieberman',
      attribution: 'Amy Lieberman (interviewer)',
    });
    const a = await json('quote', 'exploratory talks', '--speaker', 'kulakevich', '--limit', '1');
    expect(a.results[0]).toMatchObject({ passageId: 'kulakevich-qa#8', speaker: 'Tatsiana Kulakevich' });
  });
  withKulakevich('filters by article and limits results', async () => {
    const j = await json('quote', 'Trump', '--article', 'kulakevich-qa', '--limit', '3');
    expect(j.results).toHaveLength(3);
    expect(j.results.every((r) => r.articleId === 'kulakevich-qa')).toBe(true);
  });
  it('says so when nothing matches, with an empty JSON result', async () => {
    expect((await cli('quote', 'zzzqqq xyzzy')).out).toBe('No passage matches “zzzqqq xyzzy”.');
    expect((await json('quote', 'zzzqqq xyzzy')).results).toEqual([]);
  });
});

describe('compare', () => {
  it('lists every article as /compare does: those that address the topic, most relevant first, then the others', async () => {
    const core = await realLibrary();
    const topic = core.content.topics[0];
    if (!topic) throw new Error('no topic');
    const j = (await json('compare', topic.id)) as unknown as {
      topic: string;
      perspectives: { articleId: string; label: string; passages: { passageId: string }[] }[];
    };
    expect(j.topic).toBe(topic.id);
    const c = compare(core.content, core.index, topic.id);
    if (!c) throw new Error('no comparison');
    const order = [...c.addressing, ...c.notAddressing];
    expect(j.perspectives.map((p) => p.articleId)).toEqual(order.map((p) => p.article.id));
    expect(j.perspectives.map((p) => p.passages.map((x) => x.passageId))).toEqual(
      order.map((p) => p.passages.map((x) => x.passage.id)),
    );
    expect(j.perspectives.some((p) => p.passages.length > 0)).toBe(true);
  });

  it('prints, in a class of ten articles, the eight that address the topic in order and one "Not addressed by" line', async () => {
    const many = await manyLibrary();
    try {
      const out: string[] = [];
      const code = run(['compare', MANY_TOPIC], many.library, {
        out: (t) => out.push(t),
        err: () => undefined,
        style: PLAIN,
      });
      expect(code).toBe(EXIT_OK);
      const text = out.join('\n');
      const shorts = (ids: readonly string[]) =>
        ids.map((id) => many.library.content.articleById.get(id)?.short ?? id);
      const at = shorts(many.energyByPassages).map((label) => text.indexOf(`${label} — `));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      const others = shorts(many.notAddressing.get(MANY_TOPIC) ?? []);
      expect(others).toHaveLength(2);
      expect(text.trimEnd().split('\n').at(-1)).toBe(`Not addressed by: ${others.join(', ')}.`);
      expect(text).not.toContain('does not address');
    } finally {
      many.remove();
    }
  });
});

describe('compare --json: words no article uses', () => {
  it('lists them in unusedWords', () => {
    const library = buildLibrary(
      tinyContent([
        { id: 'north', body: 'The war began in spring.' },
        { id: 'south', body: 'The harbour froze.' },
      ]),
    );
    const out: string[] = [];
    const code = run(['compare', 'outlawed war', '--json'], library, {
      out: (t) => out.push(t),
      err: () => undefined,
      style: PLAIN,
    });
    expect(code).toBe(EXIT_OK);
    const j = JSON.parse(out.join('')) as { unusedWords: string[]; perspectives: { articleId: string }[] };
    expect(j.unusedWords).toEqual(['outlawed']);
    expect(j.perspectives.map((p) => p.articleId)).toEqual(['north', 'south']);
  });
});

describe('prompt', () => {
  it('prints a prompt with evidence, by topic and level', async () => {
    const topicId = (await realLibrary()).content.topics[0]?.id ?? '';
    const j = (await json('prompt', '--topic', topicId, '--level', 'evaluate')) as unknown as {
      prompt: { id: string; text: string };
      evidence: { articleId: string; passages: unknown[] }[];
    };
    expect(j.prompt.id).toBe(`${topicId}:evaluate`);
    // Every article, most relevant first (see byRelevance in src/core/prompts.ts).
    expect(j.evidence.map((e) => e.articleId).sort()).toEqual(
      (await realLibrary()).content.articles.map((a) => a.id).sort(),
    );
    expect(j.evidence.some((e) => e.passages.length > 0)).toBe(true);
    expect((await cli('prompt', '--topic', topicId, '--level', 'evaluate')).out).toContain(
      'Discussion (evaluate): ',
    );
  });
});

describe('articles, topics, context, cite', () => {
  it('lists articles with perspective and notice, and no empty field for one without a perspective', async () => {
    const { content } = await realLibrary();
    const r = await cli('articles');
    expect(r.out).not.toMatch(/undefined|Perspective: *\n/);
    for (const a of content.articles) {
      if (a.perspective) expect(r.out).toContain(`Perspective: ${a.perspective}`);
      if (a.notice) expect(r.out).toContain(`Note: ${a.notice.split('\n')[0] ?? ''}`);
    }
    const j = (await json('articles')) as unknown as { articles: { articleId: string; passages: number }[] };
    expect(j.articles.map((a) => [a.articleId, a.passages])).toEqual(
      content.articles.map((a) => [a.id, a.passages.length]),
    );
  });
  it('lists topics', async () => {
    const { content } = await realLibrary();
    const lines = (await cli('topics')).out.split('\n');
    for (const t of content.topics)
      expect(
        lines.some((l) => l.startsWith(t.id) && l.includes(t.title)),
        t.id,
      ).toBe(true);
  });
  withSumner('shows the paragraphs around a passage', async () => {
    const j = (await json('context', 'sumner-riyadh#15', '--radius', '2')) as unknown as {
      before: { paragraph: number }[];
      passage: { paragraph: number };
      after: { paragraph: number }[];
    };
    expect([...j.before, j.passage, ...j.after].map((p) => p.paragraph)).toEqual([13, 14, 15, 16, 17]);
  });
  withSumner('cites a passage in both styles, or one', async () => {
    const r = await cli('cite', 'sumner-riyadh#39');
    expect(r.out).toContain(
      'APA  Sumner, M. (2025, February). [Opinion column on the U.S.–Russia talks in Riyadh]. Daily Kos.',
    );
    expect(r.out).toContain('In text: (Sumner, 2025, para. 39)');
    expect(r.out).toContain(
      'MLA  Sumner, Mark. Opinion column on the U.S.–Russia talks in Riyadh. Daily Kos, Feb. 2025.',
    );
    const mla = (await json('cite', 'sumner-riyadh', '--style', 'mla')) as unknown as {
      citations: { style: string }[];
    };
    expect(mla.citations.map((c) => c.style)).toEqual(['mla']);
  });
});

describe('help', () => {
  it.each([['help'], ['--help'], ['-h'], ['quote', '--help']])(
    '%j prints the usage, exit 0',
    async (...argv) => {
      const r = await cli(...argv);
      expect(r.code).toBe(EXIT_OK);
      expect(r.out).toMatch(/^Usage: npm run cli -- <command>/);
      expect(r.out).toContain('npm run --silent cli -- <command> --json');
    },
  );
});

describe('bad input', () => {
  const cases: [string[], string][] = [
    [['quote', ''], 'Give a query, e.g. quote "ammunition, not a ride".'],
    [['quote', '?!'], 'The query has no words to search for.'],
    [['quote', 'x', '--article', 'nope'], 'Unknown article "nope". Articles: '],
    [['quote', 'x', '--limit', '0'], '--limit must be a whole number from 1 to 25.'],
    [['compare'], 'Give a topic, e.g. compare minerals-deal.'],
    [['prompt', '--topic', 'nope'], 'Unknown topic "nope". Topics: '],
    [['prompt', '--level', 'create'], '--level must be one of: understand, analyze, evaluate.'],
    [['context', 'nope#1'], 'Unknown passage "nope#1". Passage ids look like '],
    [['cite', 'nope'], 'Unknown passage or article "nope".'],
    [['cite', 'nope', '--style', 'chicago'], '--style must be one of: apa, mla.'],
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [['quote', 'x', '--bogus'], "Unknown option '--bogus'"],
  ];
  it('names every article when the article is unknown', async () => {
    const { content } = await realLibrary();
    const r = await cli('quote', 'x', '--article', 'nope');
    expect(r.err).toBe(`Unknown article "nope". Articles: ${content.articles.map((a) => a.id).join(', ')}.`);
  });
  it.each(cases)('%j → exit 2 with a one-line message', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.out).toBe('');
    expect(r.err.startsWith(message), r.err).toBe(true);
    expect(r.err).not.toContain('\n');
  });
});

describe('the npm script', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  it('exits 2 with one line on stderr and no stack trace', async () => {
    const r = spawnSync(tsx, ['src/cli/main.ts', 'context', 'nope'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: TEST_CONTENT_DIR },
    });
    expect(r.status).toBe(2);
    const first = (await realLibrary()).content.articles[0]?.id ?? '';
    expect(r.stderr.trim()).toBe(`Unknown passage "nope". Passage ids look like ${first}#12.`);
  });
  it('refuses to run on invalid content and says why', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-content-'));
    try {
      mkdirSync(path.join(dir, 'articles'));
      writeFileSync(path.join(dir, 'articles', 'bad.md'), '---\nid: Bad Id\n---\ntext\n');
      writeFileSync(path.join(dir, 'topics.yaml'), 'topics: []\n');
      const r = spawnSync(tsx, ['src/cli/main.ts', 'articles'], {
        encoding: 'utf8',
        env: { ...process.env, CONTENT_DIR: dir },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('articles/bad.md:2: `id` must be a lowercase slug like "my-article-2025"');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
