import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, parseArgs } from '../../src/import/cli.js';
import { FIXTURES, tempContent } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let out: string[];
let err: string[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempContent());
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

describe('content:add', () => {
  it('writes the import and prints paragraphs, captions, quotes, fields found and missing, and what to check', async () => {
    const code = await main([path.join(FIXTURES, 'no-byline.html'), '--content', dir]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const printed = out.join('\n');
    expect(printed).toMatch(/Wrote .*sources\/rail-strike-called-off-after-late-night-talks\.html/);
    expect(printed).toContain('Found:      5 paragraphs, 0 headings, 0 captions, 1 quotes');
    expect(printed).toContain('Fields found:   title, authors, date, outlet, url');
    expect(printed).toContain('Fields missing: summary');
    expect(printed).toMatch(/Check these.*\n {2}- the page names the organisation "Midland Wire staff"/);
    expect(await readdir(path.join(dir, 'articles'))).toEqual([
      'rail-strike-called-off-after-late-night-talks.md',
    ]);
  });

  it('--dry-run prints the article and writes nothing; --id chooses the id', async () => {
    const code = await main([
      path.join(FIXTURES, 'article.txt'),
      '--content',
      dir,
      '--dry-run',
      '--id',
      'gardens',
    ]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('id: gardens\n');
    expect(out.join('\n')).toContain('dry run: nothing written');
    expect(await readdir(dir)).toEqual(['topics.yaml']);
  });

  it('answers bad input with one short line and exit code 1', async () => {
    expect(await main([])).toBe(1);
    expect(await main(['/no/such/file.html', '--content', dir])).toBe(1);
    expect(await main(['http://127.0.0.1:1/x', '--content', dir])).toBe(1);
    expect(await main([path.join(FIXTURES, 'article.txt'), '--bogus'])).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/^usage: npm run content:add/),
      'No such file: /no/such/file.html',
      'Refused: 127.0.0.1 is a private or local network address, not a public web page.',
      expect.stringMatching(/^unknown option --bogus/),
    ]);
  });

  it('parses its options', () => {
    expect(parseArgs(['a.html', '--id', 'x', '--dry-run', '--allow-private-network'])).toMatchObject({
      target: 'a.html',
      id: 'x',
      dryRun: true,
      allowLoopback: true,
    });
    expect(() => parseArgs(['a.html', 'b.html'])).toThrow(/one file or URL/);
    expect(() => parseArgs(['a.html', '--id'])).toThrow(/needs a value/);
  });
});
