import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Article, Content } from '../../src/content/types.js';
import { ImportError, importArticle, type ImportResult } from '../../src/import/index.js';
import { docx, fixture, loadImported, tempContent } from './helpers.js';

const CONTENT = { contentDir: '/nonexistent-content-dir' };

async function importFixture(name: string): Promise<ImportResult> {
  return importArticle({ kind: 'file', name, bytes: await fixture(name) }, CONTENT);
}

/** The front matter as data (comments dropped). */
function frontMatter(markdown: string): Record<string, unknown> {
  const end = markdown.indexOf('\n---\n', 4);
  return parse(markdown.slice(4, end)) as Record<string, unknown>;
}

const only = (content: Content): Article => {
  expect(content.articles).toHaveLength(1);
  const [article] = content.articles;
  if (!article) throw new Error('no article');
  return article;
};

/** An import's problems as `file:line: message`. */
const realProblems = (result: ImportResult): string[] =>
  result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);

describe('importArticle: a news page with navigation, figures and related links', () => {
  it('takes the facts the page states, and loads with no problems through the real loader', async () => {
    const result = await importFixture('news.html');
    expect(frontMatter(result.markdown)).toMatchObject({
      id: 'harbour-bridge-reopens-after-two-years-of-repairs',
      title: 'Harbour bridge reopens after two years of repairs',
      authors: ['Maria Keller', 'Tom Okafor'],
      outlet: 'The Coastal Herald',
      date: '2025-03-14',
      url: 'https://coastalherald.example/news/harbour-bridge-reopens',
      kind: 'news',
      source: 'sources/harbour-bridge-reopens-after-two-years-of-repairs.html',
      summary: 'The Harbour Bridge carries traffic again after a two-year, $40 million repair.',
    });
    expect(realProblems(result)).toEqual([]);
    const article = only(await loadImported(result));
    expect(article.passages.map((p) => p.text)).toHaveLength(6);
    expect(article.passages[0]?.text).toMatch(/^The Harbour Bridge opened to traffic again on Thursday/);
    expect(article.passages.find((p) => p.text.startsWith('City planners'))?.section).toBe(
      'Traffic expected to ease',
    );
  });

  it('keeps navigation, ads, share buttons, related links, the newsletter box, comments and the footer out', async () => {
    const { markdown } = await importFixture('news.html');
    const body = markdown.slice(markdown.indexOf('\n---\n', 4));
    for (const junk of [
      'Sport',
      'Weather',
      'Harbourphone',
      'Share on',
      'Copy link',
      'Ferry timetable',
      'Engineers find cracks',
      'Related',
      'Morning Briefing',
      'Sign up for our newsletter',
      'Finally!',
      'Forty million dollars',
      'All rights reserved',
      'By Maria Keller',
      '14 March 2025',
    ])
      expect(body, junk).not.toContain(junk);
  });

  it('writes the figure caption and the photo credit as [caption] and [credit], and the heading as ##', async () => {
    const { markdown, summary } = await importFixture('news.html');
    expect(markdown).toContain('\n[caption] The first cars cross the Harbour Bridge on Thursday.\n');
    expect(markdown).toContain('\n[credit] Photo: Lena Brandt / Coastal Herald\n');
    expect(markdown).toContain('\n## Traffic expected to ease\n');
    expect(summary).toMatchObject({ paragraphs: 6, captions: 1, headings: 1, quotes: 2 });
    expect(summary.firstPassages).toHaveLength(3);
    expect(summary.firstPassages[1]).toMatch(/^“This bridge is the spine of our city/);
    expect(summary.fieldsMissing).toEqual([]);
  });

  it('proposes quoted speech with a clear attribution, each text exactly as in its paragraph', async () => {
    const result = await importFixture('news.html');
    expect(frontMatter(result.markdown).quotes).toEqual([
      {
        speaker: 'Ingrid Solberg',
        text: '“This bridge is the spine of our city, and today it stands straight again,”',
      },
      { speaker: 'Peter Lund', text: '“We will watch the numbers closely for the first month,”' },
    ]);
    const article = only(await loadImported(result));
    const quoted = article.passages.flatMap((p) => p.quotes.map((q) => q.speaker));
    expect(quoted).toEqual(['Ingrid Solberg', 'Peter Lund']);
  });

  it('saves the original byte for byte, with a provenance note that names its origin and checksum', async () => {
    const bytes = await fixture('news.html');
    const result = await importFixture('news.html');
    expect(Buffer.from(result.sourceBytes).equals(Buffer.from(bytes))).toBe(true);
    expect(result.provenance).toContain('news.html');
    expect(result.provenance).toContain(createHash('sha256').update(bytes).digest('hex'));
    expect(result.provenance).toMatch(/\*\*When:\*\* \d{4}-\d\d-\d\dT/);
  });
});

describe('importArticle: an opinion page', () => {
  it('reads the kind from JSON-LD, the author from the page, and the page description as summary', async () => {
    const result = await importFixture('opinion.html');
    const fm = frontMatter(result.markdown);
    expect(fm).toMatchObject({
      title: 'Our towns need libraries more than car parks',
      authors: ['Priya Nair'],
      outlet: 'The Northern Review',
      date: '2024-11-02',
      kind: 'opinion',
      summary:
        'Closing branch libraries to save money costs towns far more than it saves, argues Priya Nair.',
    });
    expect(fm.perspective).toBeUndefined();
    expect(result.markdown).not.toMatch(/^kind: opinion +#/m);
    expect(realProblems(result)).toEqual([]);
    const article = only(await loadImported(result));
    expect(article.passages).toHaveLength(7);
    expect(result.markdown).not.toMatch(
      /cookies|Most read|Subscribe for|You may also like|Facebook|Local government/,
    );
    expect(fm.quotes).toEqual([{ speaker: 'Graham Pike', text: '“We have no choice,”' }]);
  });
});

describe('importArticle: an interview page', () => {
  it('marks bold questions [Q] and the answers [A], with both names from the page', async () => {
    const result = await importFixture('interview.html');
    const fm = frontMatter(result.markdown);
    expect(fm).toMatchObject({ kind: 'interview', interviewer: 'Owen Marsh', interviewee: 'Hanna Virtanen' });
    expect(result.markdown).toContain('\n[Q] What did the drought do to the soil itself?\n');
    expect(result.markdown).toContain('\n[A] It did two things.');
    expect(result.markdown).toContain('\n[credit] Photo by James Reed\n');
    expect(result.markdown).not.toMatch(/newsletter|How one village|Log in/);
    // The names are the importer's reading: a comment in the file and a line in the summary.
    expect(result.summary.uncertain.some((u) => u.includes('Hanna Virtanen'))).toBe(true);
    expect(result.markdown).toMatch(/^# - interview: .*Hanna Virtanen/m);
    const article = only(await loadImported(result));
    const voices = article.passages.map((p) => `${p.speaker.role}:${p.text.slice(0, 20)}`);
    expect(voices).toContain('interviewer:What did the drought');
    expect(voices).toContain('interviewee:It did two things. O');
    expect(voices).toContain('interviewee:People think of soil');
  });
});

describe('importArticle: a page with no byline', () => {
  it('credits the organisation the page names as author as an organisation, never as a person', async () => {
    const result = await importFixture('no-byline.html');
    const fm = frontMatter(result.markdown);
    expect(fm.authors).toEqual([{ organization: 'Midland Wire staff' }]);
    expect(fm.outlet).toBe('Midland Wire');
    expect(fm.summary).toBeUndefined();
    expect(result.summary.fieldsMissing).toEqual(['summary']);
    expect(result.summary.uncertain.join('\n')).toContain('Midland Wire staff');
    expect(fm.quotes).toEqual([
      { speaker: 'Mick Dale', text: '“This is a fair offer and we will recommend it to our members,”' },
    ]);
    expect(realProblems(result)).toEqual([]);
    const article = only(await loadImported(result));
    expect(article.organizations).toEqual(['Midland Wire staff']);
    expect(article.short).toBe('Midland Wire staff (Midland Wire)');
    // A paragraph that starts with "[" is escaped in the file and read back as written.
    expect(article.passages.at(-1)?.text).toBe('[Updated at 23:40 with the union’s statement.]');
    expect(result.markdown).not.toMatch(/ADVERTISEMENT|railcard|Trending|My commute/);
  });
});

describe('importArticle: files', () => {
  it('imports a .txt: first line as title (marked uncertain), byline as author, paragraphs joined', async () => {
    const result = await importFixture('article.txt');
    const fm = frontMatter(result.markdown);
    expect(fm).toMatchObject({
      title: "School gardens return to the city's primary schools",
      authors: ['Lucia Ferreira'],
    });
    expect(fm.date).toBeUndefined();
    expect(result.summary.uncertain.join('\n')).toContain('was taken as the title');
    expect(result.markdown).toMatch(/^kind: news {2}# a guess/m);
    expect(fm.quotes).toEqual([
      { speaker: 'Dana Whitfield', text: '"Children who grow a carrot will eat a carrot,"' },
    ]);
    const article = only(await loadImported(result));
    expect(article.passages.map((p) => p.text)).toEqual([
      "Twelve primary schools will plant vegetable gardens this spring, after the city's education board approved a small grant for tools, seeds and raised beds.",
      'The gardens were common in the 1980s but disappeared as schools used the space for parking and portable classrooms.',
      `"Children who grow a carrot will eat a carrot," said Dana Whitfield, a teacher at Hillside Primary, who started the first garden in her school's car park five years ago.`,
      'The board expects the gardens to cost about £3,000 per school in the first year.',
    ]);
  });

  it('imports a .docx through mammoth: heading style as title and ##, and the verbatim check reads its text', async () => {
    const bytes = docx([
      { text: 'Wind farm plan divides village', style: 'Heading1' },
      { text: 'By Elena Rossi' },
      { text: 'A plan to build six wind turbines on the hill above Brackley has split the village.' },
      { text: 'Background', style: 'Heading2' },
      { text: '“We need the power,” said Tom Hale, a farmer whose land borders the site.' },
    ]);
    const result = await importArticle({ kind: 'file', name: 'wind.docx', bytes }, CONTENT);
    expect(frontMatter(result.markdown)).toMatchObject({
      title: 'Wind farm plan divides village',
      authors: ['Elena Rossi'],
      source: 'sources/wind-farm-plan-divides-village.docx',
      quotes: [{ speaker: 'Tom Hale', text: '“We need the power,”' }],
    });
    expect(result.markdown).toContain('\n## Background\n');
    const article = only(await loadImported(result));
    expect(article.passages).toHaveLength(2);
  });

  it('imports Markdown through marked, keeping inline markup out of the text', async () => {
    const md =
      '# Ferry fares rise\n\nFares on the *island* ferry rise by [ten per cent](https://x.example) in May.\n\n**Why now?**\n\nFuel.\n';
    const result = await importArticle(
      { kind: 'file', name: 'ferry.md', bytes: new TextEncoder().encode(md) },
      CONTENT,
    );
    expect(frontMatter(result.markdown).title).toBe('Ferry fares rise');
    expect(result.markdown).toContain('\nFares on the island ferry rise by ten per cent in May.\n');
    expect(only(await loadImported(result)).passages).toHaveLength(3);
  });

  it('refuses PDF, unknown types, empty and oversize files with a short message', async () => {
    const file = (name: string, bytes = new Uint8Array([1, 2, 3])) =>
      importArticle({ kind: 'file', name, bytes }, CONTENT);
    await expect(file('a.pdf')).rejects.toThrow(/PDF is not supported/);
    await expect(file('a.exe')).rejects.toThrow(/Cannot import "a\.exe"/);
    await expect(file('a.txt', new Uint8Array())).rejects.toThrow('The file is empty.');
    await expect(
      importArticle(
        { kind: 'file', name: 'a.txt', bytes: new Uint8Array(2000).fill(65) },
        { ...CONTENT, maxBytes: 1000 },
      ),
    ).rejects.toThrow(/over the/);
    await expect(file('a.docx')).rejects.toBeInstanceOf(ImportError);
    await expect(file('a.docx')).rejects.toThrow(/could not be read/);
    await expect(file('a.txt', new Uint8Array([0xff, 0xfe, 0x41, 0xc3]))).rejects.toThrow(/not UTF-8/);
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 256);
    await expect(file('a.html', binary)).rejects.toThrow('This is not a web page: it does not read as text.');
  });

  it('refuses a file with no article text', async () => {
    const bytes = new TextEncoder().encode('<html><body><nav><a href="/">Home</a></nav></body></html>');
    await expect(importArticle({ kind: 'file', name: 'a.html', bytes }, CONTENT)).rejects.toThrow(
      'No article text was found in it.',
    );
  });
});

describe('importArticle: ids', () => {
  it('makes the id unique in the content folder, and refuses a wanted id that is taken or not a slug', async () => {
    const { dir, cleanup } = await tempContent();
    try {
      const { mkdir, writeFile } = await import('node:fs/promises');
      await mkdir(`${dir}/articles`);
      await writeFile(`${dir}/articles/harbour-bridge-reopens-after-two-years-of-repairs.md`, 'x');
      const bytes = await fixture('news.html');
      const again = await importArticle({ kind: 'file', name: 'news.html', bytes }, { contentDir: dir });
      expect(again.articleId).toBe('harbour-bridge-reopens-after-two-years-of-repairs-2');
      expect(again.sourceFile).toBe('sources/harbour-bridge-reopens-after-two-years-of-repairs-2.html');
      const wanted = await importArticle(
        { kind: 'file', name: 'news.html', bytes },
        { contentDir: dir, id: 'bridge' },
      );
      expect(wanted.articleFile).toBe('articles/bridge.md');
      await expect(
        importArticle(
          { kind: 'file', name: 'news.html', bytes },
          { contentDir: dir, id: 'harbour-bridge-reopens-after-two-years-of-repairs' },
        ),
      ).rejects.toThrow(/already exists/);
      await expect(
        importArticle({ kind: 'file', name: 'news.html', bytes }, { contentDir: dir, id: '../x' }),
      ).rejects.toThrow(/slug/);
    } finally {
      await cleanup();
    }
  });
});
