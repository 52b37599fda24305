import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent, formatProblem, loadContent, type LoadResult } from '../../src/content/load.js';
import { checkSources, normaliseSpace, passageProblems, uncheckedNote } from '../../src/content/sources.js';
import type { Article } from '../../src/content/types.js';
import { articleFile, TINY_TOPICS, tinyContent } from '../helpers/content.js';
import { docx } from '../import/helpers.js';

const REPO = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');

// articleFile puts `extra` on line 10 and the body from line 13; paragraphs are two lines apart.
const BODY = ['The first paragraph, as the source has it.', '', 'A second one — with a dash.'].join('\n');
const SOURCE = 'The first paragraph,\n   as the source has it.\n\nA second one — with a dash.\n';

const tiny = (extra = 'source: sources/a.txt', body = BODY): Article => {
  const article = tinyContent([{ id: 'a', body, extra }]).articleById.get('a');
  if (!article) throw new Error('no article');
  return article;
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const problemsOf = (result: LoadResult): string[] => (result.ok ? [] : result.problems.map(formatProblem));

describe('normaliseSpace', () => {
  it('turns runs of spaces, tabs and line breaks into one space and trims the ends', () => {
    expect(normaliseSpace(' a \t b\n\n c\u00a0d ')).toBe('a b c d');
  });
});

describe('passageProblems', () => {
  it('accepts passages found in the source with other line breaks and spacing', () => {
    expect(passageProblems(tiny(), 'sources/a.txt', SOURCE)).toEqual([]);
  });

  it('reports an altered passage on its own line, with the words where it differs', () => {
    const article = tiny(undefined, BODY.replace('a dash', 'a hyphen'));
    expect(passageProblems(article, 'sources/a.txt', SOURCE).map(formatProblem)).toEqual([
      'articles/a.md:15: paragraph 2 is not word for word in sources/a.txt: it differs after ' +
        '“A second one — with a”: the article goes on “hyphen.”, the source “dash.”',
    ]);
  });

  it('reports a passage whose first words are nowhere in the source', () => {
    const article = tiny(undefined, 'Nothing like it at all, in any words of the source, anywhere in it.');
    expect(passageProblems(article, 'sources/a.txt', SOURCE).map(formatProblem)).toEqual([
      'articles/a.md:13: paragraph 1 is not word for word in sources/a.txt: its first words are not in ' +
        'the source: “Nothing like it at all, in any words…”',
    ]);
  });

  it('says so when the source ends where the passage goes on', () => {
    const article = tiny(undefined, `${BODY} And more.`);
    expect(passageProblems(article, 'sources/a.txt', SOURCE).map((p) => p.message)).toEqual([
      'paragraph 2 is not word for word in sources/a.txt: it differs after “A second one — with a dash.”: ' +
        'the article goes on “And more.”, the source ends there',
    ]);
  });

  it('checks the source wording of a corrected passage, not the correction', () => {
    const article = tiny('source: sources/a.txt\ncorrections: [{ from: "a dash", to: "an em dash" }]');
    expect(article.passages[1]?.display).toBe('A second one — with [an em] dash.');
    expect(passageProblems(article, 'sources/a.txt', SOURCE)).toEqual([]);
  });
});

describe('the `source` field', () => {
  it('is kept with its line, relative to the content folder', () => {
    expect(tiny().source).toEqual({ file: 'sources/a.txt', line: 10 });
    expect(tiny('').source).toBeUndefined();
  });

  it('must name a file directly in sources/, never outside the content folder', () => {
    for (const bad of [
      '../../etc/passwd',
      'sources/../../x.txt',
      'articles/a.md',
      'sources/',
      'sources/.hidden',
    ]) {
      const files = new Map([
        ['articles/a.md', articleFile({ id: 'a', body: BODY, extra: `source: "${bad}"` })],
        ['topics.yaml', TINY_TOPICS],
      ]);
      expect(problemsOf(buildContent(files)), bad).toEqual([
        'articles/a.md:10: `source` must name a file in the sources folder, like "sources/my-article.txt"',
      ]);
    }
  });
});

describe('checkSources', () => {
  const made: string[] = [];

  /** Writes a content folder with these articles (id → extra front matter) and sources. */
  async function folder(articles: Record<string, string>, sources: Record<string, string | Buffer>) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'content-sources-'));
    made.push(dir);
    await mkdir(path.join(dir, 'articles'));
    await mkdir(path.join(dir, 'sources'));
    for (const [id, extra] of Object.entries(articles))
      await writeFile(path.join(dir, 'articles', `${id}.md`), articleFile({ id, body: BODY, extra }));
    for (const [name, text] of Object.entries(sources))
      await writeFile(path.join(dir, 'sources', name), text);
    await writeFile(path.join(dir, 'topics.yaml'), TINY_TOPICS);
    return dir;
  }

  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  it('keeps a valid load when every passage is in its source, and lists articles without one', async () => {
    const d = await folder(
      { a: 'source: sources/a.txt', b: '', c: 'source: sources/a.txt' },
      { 'a.txt': SOURCE },
    );
    const loaded = await loadContent(d);
    const { result, unchecked } = await checkSources(d, loaded);
    expect(result).toBe(loaded);
    expect(unchecked).toEqual(['articles/b.md']);
  });

  it('reports a missing source file, an altered passage, a folder and invalid UTF-8, each on its line', async () => {
    const d = await folder(
      {
        a: 'source: sources/a.txt',
        b: 'source: sources/missing.txt',
        c: 'source: sources/folder',
        d: 'source: sources/latin1.txt',
      },
      { 'a.txt': SOURCE.replace('dash', 'hyphen'), 'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
    );
    await mkdir(path.join(d, 'sources', 'folder'));
    const { result, unchecked } = await checkSources(d, await loadContent(d));
    expect(unchecked).toEqual([]);
    expect(problemsOf(result)).toEqual([
      'articles/a.md:15: paragraph 2 is not word for word in sources/a.txt: it differs after ' +
        '“A second one — with a”: the article goes on “dash.”, the source “hyphen.”',
      "articles/b.md:10: source file not found: sources/missing.txt (put the article's original text there, or remove `source`)",
      'articles/c.md:10: source sources/folder is a folder, not a file: rename it or move it elsewhere',
      'articles/d.md:10: source sources/latin1.txt:1: is not UTF-8 text (the first bad byte is on this line): save it as UTF-8',
    ]);
  });

  it('reads a web page, a Word file and Markdown by their text, and reports a passage not in them', async () => {
    // BODY's two paragraphs, as a page with markup, entities and furniture around them.
    const page =
      '<html><head><title>T</title><script>var x = "The first paragraph";</script></head><body>' +
      '<nav>Home</nav><p>The first <b>paragraph</b>,\n as the source has it.</p><p>A second one &mdash; with a dash.</p></body></html>';
    const word = docx([
      { text: 'The first paragraph, as the source has it.' },
      { text: 'A second one — with a dash.' },
    ]);
    const markdown =
      '# Title\n\nThe first *paragraph*, as the source has it.\n\nA second one — with a dash.\n';
    const d = await folder(
      {
        a: 'source: sources/a.html',
        b: 'source: sources/b.docx',
        c: 'source: sources/c.md',
        d: 'source: sources/d.html',
        e: 'source: sources/e.pdf',
        f: 'source: sources/f.docx',
      },
      {
        'a.html': page,
        'b.docx': Buffer.from(word),
        'c.md': markdown,
        'd.html': page.replace('a dash', 'a hyphen'),
        'e.pdf': '%PDF-1.4',
        'f.docx': 'not a zip',
      },
    );
    const { result } = await checkSources(d, await loadContent(d));
    expect(problemsOf(result)).toEqual([
      'articles/d.md:15: paragraph 2 is not word for word in sources/d.html: it differs after ' +
        '“A second one — with a”: the article goes on “dash.”, the source “hyphen.”',
      expect.stringMatching(
        /^articles\/e\.md:10: source sources\/e\.pdf cannot be read: PDF is not supported/,
      ),
      expect.stringMatching(/^articles\/f\.md:10: source sources\/f\.docx cannot be read: /),
    ]);
  });

  it('passes a failed load through untouched', async () => {
    const failed: LoadResult = {
      ok: false,
      problems: [{ file: 'topics.yaml', line: 0, message: 'file is missing' }],
    };
    expect(await checkSources(os.tmpdir(), failed)).toEqual({ result: failed, unchecked: [] });
  });
});

describe('content:check against the sources (src/content/check.ts)', () => {
  let copy = '';

  beforeAll(() => {
    copy = mkdtempSync(path.join(os.tmpdir(), 'content-check-sources-'));
    cpSync(path.join(REPO, 'content'), copy, { recursive: true });
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  const check = (dir: string) => {
    const r = spawnSync(TSX, ['src/content/check.ts', dir], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
    if (r.error) throw r.error;
    return r;
  };

  it('reports a passage altered in a copy of the repository content as file:line', async () => {
    const loaded = await loadContent(copy);
    if (!loaded.ok) throw new Error('the repository content must load');
    const article = loaded.content.articles.find((a) => a.source && a.passages.length > 0);
    const passage = article?.passages.at(-1);
    if (!article || !passage) throw new Error('no article with a source');
    const file = path.join(copy, article.file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const words = (lines[passage.line - 1] ?? '').split(' ');
    // Swap the passage's last two words: still a sentence, no longer the source's wording.
    words.splice(-2, 2, words.at(-1) ?? '', words.at(-2) ?? '');
    lines[passage.line - 1] = words.join(' ');
    writeFileSync(file, lines.join('\n'));

    const r = check(copy);
    const shown = path.relative(REPO, copy);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${escape(shown)}/${escape(article.file)}:${passage.line}: paragraph ${passage.paragraph} is not word for word in ` +
            `${escape(article.source?.file ?? '')}: it differs after “.+”: the article goes on “.+”, the source “.+”$`,
        ),
      ),
      `1 problem(s) in ${shown}/`,
      '',
    ]);
  });

  it('notes an article without a source and still exits 0', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'content-check-nosource-'));
    try {
      cpSync(path.join(REPO, 'content'), dir, { recursive: true });
      const one = path.join(dir, 'articles', 'extra-article.md');
      writeFileSync(one, articleFile({ id: 'extra-article', body: BODY }));
      const r = check(dir);
      const shown = path.relative(REPO, dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toContain(uncheckedNote(`${shown}/articles/extra-article.md`));
      // The summary comes last and counts the added article (whatever else the folder holds).
      const articles = readdirSync(path.join(dir, 'articles')).filter((n) => n.endsWith('.md')).length;
      expect(lines.at(-1)).toMatch(new RegExp(` is valid: ${String(articles)} articles, `));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a self-contained repository', () => {
  /** Every file under these folders of the repository, and these files. */
  function files(): string[] {
    const out = ['package.json', 'README.md'];
    const walk = (dir: string): void => {
      for (const name of readdirSync(path.join(REPO, dir))) {
        const rel = path.join(dir, name);
        if (statSync(path.join(REPO, rel)).isDirectory()) walk(rel);
        else out.push(rel);
      }
    };
    for (const dir of ['src', 'tests', 'commands', 'bench', 'content']) walk(dir);
    return out;
  }

  it('reads and names nothing beside it (the seeds folder, the shared notes)', () => {
    // Built from parts so that this file does not name them itself.
    const outside = ['..' + '/shared', 'shared' + '/seeds', '/' + 'work/', "'..'" + ", 'shared'"];
    const named = files().flatMap((file) => {
      const text = readFileSync(path.join(REPO, file), 'utf8');
      return outside.filter((o) => text.includes(o)).map((o) => `${file}: ${o}`);
    });
    expect(named).toEqual([]);
  });
});
