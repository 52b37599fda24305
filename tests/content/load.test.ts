import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildContent,
  ContentError,
  formatProblem,
  loadContent,
  readContentFiles,
  type LoadResult,
} from '../../src/content/load.js';
import type { Article, Content, ContentProblem } from '../../src/content/types.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = path.resolve(REPO, '..', 'shared', 'seeds');

const lines = (...ls: string[]): string => ls.join('\n');

/** A valid article: front matter on lines 1–9, passages `<id>#1` and `<id>#2`. */
const article = (id: string): string =>
  lines(
    '---',
    `id: ${id}`,
    'title: A title',
    'authors: [Ann Writer]',
    'outlet: The Paper',
    'kind: opinion',
    'perspective: Worried',
    'summary: It argues a point.',
    '---',
    '',
    'First paragraph.',
    '',
    'Second paragraph.',
  );

const TOPICS = lines(
  'topics:', //                               1
  '  - id: talks', //                         2
  '    title: The talks', //                  3
  '    terms: [talks, Riyadh]', //            4
  '    pinned:', //                           5
  '      - a#1', //                           6
  '      - b#2', //                           7
  '    prompts:', //                          8
  '      understand: What is said?', //       9
  '      analyze: How do they differ?', //    10
  '      evaluate: Who is right?', //         11
);

const ok = (result: LoadResult): Content => {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.content;
};

const problems = (result: LoadResult): string[] => {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(formatProblem);
};

const build = (files: Record<string, string>): LoadResult => buildContent(new Map(Object.entries(files)));

describe('formatProblem', () => {
  it('prints file:line: message', () => {
    expect(formatProblem({ file: 'articles/a.md', line: 12, message: 'empty [caption]' })).toBe(
      'articles/a.md:12: empty [caption]',
    );
  });
});

describe('ContentError', () => {
  it('lists every problem in its message', () => {
    const list: ContentProblem[] = [
      { file: 'topics.yaml', line: 0, message: 'file is missing' },
      { file: 'articles/a.md', line: 1, message: 'missing front matter' },
    ];
    const error = new ContentError(list);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ContentError');
    expect(error.problems).toEqual(list);
    expect(error.message).toBe(
      'Content is invalid:\ntopics.yaml:0: file is missing\narticles/a.md:1: missing front matter',
    );
  });
});

describe('buildContent', () => {
  it('builds articles sorted by id, a passage map and articleById', () => {
    const content = ok(
      build({ 'articles/b.md': article('b'), 'articles/a.md': article('a'), 'topics.yaml': TOPICS }),
    );
    expect(content.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect([...content.passages.keys()].sort()).toEqual(['a#1', 'a#2', 'b#1', 'b#2']);
    expect(content.passages.get('b#2')?.text).toBe('Second paragraph.');
    expect(content.articleById.get('b')).toBe(content.articles[1]);
    expect(content.articleById.get('b')?.file).toBe('articles/b.md');
    expect(content.topics).toEqual([
      {
        id: 'talks',
        title: 'The talks',
        terms: ['talks', 'Riyadh'],
        pinned: ['a#1', 'b#2'],
        prompts: [
          { id: 'talks:understand', topicId: 'talks', level: 'understand', text: 'What is said?' },
          { id: 'talks:analyze', topicId: 'talks', level: 'analyze', text: 'How do they differ?' },
          { id: 'talks:evaluate', topicId: 'talks', level: 'evaluate', text: 'Who is right?' },
        ],
      },
    ]);
  });

  it('ignores files outside articles/', () => {
    const content = ok(
      build({
        'articles/a.md': article('a'),
        'articles/b.md': article('b'),
        'notes.md': 'x',
        'topics.yaml': TOPICS,
      }),
    );
    expect(content.articles).toHaveLength(2);
  });

  it('reports a duplicate article id, naming the other file', () => {
    expect(
      problems(
        build({ 'articles/a.md': article('a'), 'articles/b.md': article('a'), 'topics.yaml': TOPICS }),
      ),
    ).toEqual([
      'articles/b.md:2: duplicate article id "a" (also in articles/a.md:2)',
      // No article has the id "b" any more, so the pinned b#2 is unknown too.
      'topics.yaml:7: unknown passage "b#2"',
    ]);
  });

  it('reports a topic naming an unknown passage on the line of that entry', () => {
    const topics = TOPICS.replace('      - b#2', '      - b#9');
    expect(
      problems(
        build({ 'articles/a.md': article('a'), 'articles/b.md': article('b'), 'topics.yaml': topics }),
      ),
    ).toEqual(['topics.yaml:7: unknown passage "b#9"']);
  });

  it('reports a duplicate topic id with the line of the first', () => {
    const topics = lines(
      TOPICS, //                                       1–11
      '  - id: talks', //                              12
      '    title: Again',
      '    terms: [again]',
      '    prompts: { understand: U?, analyze: A?, evaluate: E? }',
    );
    expect(
      problems(
        build({ 'articles/a.md': article('a'), 'articles/b.md': article('b'), 'topics.yaml': topics }),
      ),
    ).toEqual(['topics.yaml:12: duplicate topic id "talks" (first on line 2)']);
  });

  it('reports a missing topics.yaml', () => {
    expect(problems(build({ 'articles/a.md': article('a') }))).toEqual(['topics.yaml:0: file is missing']);
  });

  it('reports a content folder without articles', () => {
    expect(problems(build({ 'topics.yaml': TOPICS.replace(/ {4}pinned:\n.*\n.*\n/, '') }))).toEqual([
      'articles:0: no articles: add at least one .md file',
    ]);
  });

  it('reports a missing prompt level', () => {
    const topics = TOPICS.replace('\n      evaluate: Who is right?', '');
    // The line is the first line of the `prompts` mapping (its `understand:` entry).
    expect(
      problems(
        build({ 'articles/a.md': article('a'), 'articles/b.md': article('b'), 'topics.yaml': topics }),
      ),
    ).toEqual(['topics.yaml:9: missing required field `prompts.evaluate`']);
  });

  it('reports a YAML syntax error with its line', () => {
    const topics = lines(
      'topics:', //                 1
      '  - id: talks', //           2
      '  title: The talks', //      3: not aligned with `id`
    );
    expect(problems(build({ 'articles/a.md': article('a'), 'topics.yaml': topics }))).toEqual([
      'topics.yaml:3: YAML: All mapping items must start at the same column',
    ]);
  });

  it('reports problems of every file at once', () => {
    expect(
      problems(
        build({
          'articles/a.md': article('a').replace('kind: opinion', 'kind: blog'),
          'articles/b.md': 'no front matter',
          'topics.yaml': TOPICS,
        }),
      ),
    ).toEqual([
      'articles/a.md:6: `kind` must be one of: opinion, interview, news, analysis',
      'articles/b.md:1: missing front matter: the file must start with a line `---`',
      'topics.yaml:6: unknown passage "a#1"',
      'topics.yaml:7: unknown passage "b#2"',
    ]);
  });
});

describe('readContentFiles', () => {
  it('reads articles/*.md in name order and topics.yaml, nothing else', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'content-read-'));
    try {
      await mkdir(path.join(dir, 'articles'));
      await writeFile(path.join(dir, 'articles', 'b.md'), 'B');
      await writeFile(path.join(dir, 'articles', 'a.md'), 'A');
      await writeFile(path.join(dir, 'articles', 'notes.txt'), 'not an article');
      await writeFile(path.join(dir, 'topics.yaml'), 'topics: []');
      const files = await readContentFiles(dir);
      expect([...files]).toEqual([
        ['articles/a.md', 'A'],
        ['articles/b.md', 'B'],
        ['topics.yaml', 'topics: []'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('returns nothing for a missing folder', async () => {
    const files = await readContentFiles(path.join(os.tmpdir(), 'no-such-content-folder-4f1c'));
    expect(files.size).toBe(0);
  });
});

describe('loadContent', () => {
  it('reports problems with paths relative to the folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'content-load-'));
    try {
      await mkdir(path.join(dir, 'articles'));
      await writeFile(path.join(dir, 'articles', 'x.md'), article('x'));
      expect(problems(await loadContent(dir))).toEqual(['topics.yaml:0: file is missing']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('the repository content', () => {
    const load = async (): Promise<Content> => ok(await loadContent(path.join(REPO, 'content')));
    const byId = (content: Content, id: string): Article => {
      const a = content.articleById.get(id);
      if (!a) throw new Error(`no article ${id}`);
      return a;
    };

    it('is valid: one article per file, each with passages, and topics with 3 prompts each', async () => {
      const content = await load();
      // Whatever articles a teacher has added or removed: one per file, named by its id.
      const files = (await readdir(path.join(REPO, 'content', 'articles'))).filter((f) => f.endsWith('.md'));
      expect(content.articles.map((a) => `${a.id}.md`).sort()).toEqual(files.sort());
      for (const a of content.articles) expect(a.passages.length, a.id).toBeGreaterThan(0);
      expect(content.passages.size).toBe(content.articles.reduce((n, a) => n + a.passages.length, 0));
      expect(content.topics.length).toBeGreaterThan(0);
      for (const topic of content.topics) {
        expect(
          topic.prompts.map((p) => p.level),
          topic.id,
        ).toEqual(['understand', 'analyze', 'evaluate']);
        for (const p of topic.prompts) expect(p.text.trim(), p.id).not.toBe('');
      }
    });

    it('loads the same through the relative path `content` from the repository root', async () => {
      expect(process.cwd()).toBe(path.resolve(REPO));
      const content = ok(await loadContent('content'));
      expect([...content.passages.keys()]).toEqual([...(await load()).passages.keys()]);
    });

    // Lines of each seed that are not passages: headings, captions, credits and blank lines.
    const SEED_CASES = [
      {
        id: 'sumner-riyadh',
        seed: '000_3c50331c6b2c1749.txt',
        passages: 52,
        skipped: [
          '## reminder: Russia is losing',
          '[caption] Pokrovsk region. Jan 18, 2025',
          '[caption] Pokrovsk region. Feb 18, 2025',
          '[caption] Kursk region. Feb 18, 2025',
          '[credit] Originally published at',
        ],
      },
      {
        id: 'kulakevich-qa',
        seed: '004_7b8ebcdad8a8fb77.txt',
        passages: 27,
        skipped: [
          '[credit] Horacio Villalobos Corbis/Corbis via Getty Images',
          '[credit] Pierre Crom/Getty Images',
        ],
      },
    ];

    for (const { id, seed, passages, skipped } of SEED_CASES) {
      it(`keeps ${id} word for word as in its seed (${seed})`, async () => {
        // The seeds live next to the repository; CI has them, so a missing file must fail, not skip.
        const seedLines = readFileSync(path.join(SEEDS, seed), 'utf8').split('\n');
        const source = await readFile(path.join(REPO, 'content', 'articles', `${id}.md`), 'utf8');
        const sourceLines = source.split('\n');
        const untagged = skipped.map((s) => s.replace(/^(?:## |\[caption\] |\[credit\] )/, ''));
        for (const [i, line] of untagged.entries()) {
          expect(seedLines, 'skipped line is in the seed').toContain(line);
          expect(sourceLines, 'skipped line is tagged in the article').toContain(skipped[i]);
        }
        const expected = seedLines.filter((l) => l !== '' && !untagged.includes(l));
        expect(expected).toHaveLength(passages);

        const texts = byId(await load(), id).passages.map((p) => p.text);
        const seedSet = new Set(seedLines);
        for (const t of texts) expect(seedSet.has(t), t).toBe(true);
        expect(texts).toEqual(expected);
      });
    }

    it('corrects kulakevich-qa only where its seed has the garbled text', async () => {
      const seed = readFileSync(path.join(SEEDS, '004_7b8ebcdad8a8fb77.txt'), 'utf8');
      const qa = byId(await load(), 'kulakevich-qa');
      expect(qa.corrections.length).toBeGreaterThan(50);
      for (const c of qa.corrections) expect(seed.includes(c.from), c.from).toBe(true);
    });

    it('never shows a known garbled phrase of kulakevich-qa unbracketed', async () => {
      const qa = byId(await load(), 'kulakevich-qa');
      const garbled = [
        'Jap European',
        'The Dialog',
        'disinformation area',
        'land seize',
        'uncommon earth',
        'Chilly Battle',
        'Might 2024',
        'safety ensures',
        'gasoline pipeline',
      ];
      const text = qa.passages.map((p) => p.text).join('\n');
      const display = qa.passages.map((p) => p.display).join('\n');
      for (const g of garbled) {
        expect(text, 'the source has it').toContain(g);
        expect(display, 'the display hides it').not.toContain(g);
      }
    });
  });
});
