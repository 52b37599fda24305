import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/types.js';
import { watchContent } from '../../src/content/watch.js';
import { articleFile, TINY_TOPICS } from '../helpers/content.js';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function setup(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'watch-'));
  mkdirSync(path.join(dir, 'articles'));
  writeFileSync(path.join(dir, 'articles', 'a.md'), articleFile({ id: 'a', body: 'First version.' }));
  writeFileSync(path.join(dir, 'topics.yaml'), TINY_TOPICS);
  return dir;
}

function until<T>(get: () => T | undefined, ms = 5000): Promise<T> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const v = get();
      if (v !== undefined) resolve(v);
      else if (Date.now() - start > ms) reject(new Error('timed out'));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

describe('watchContent', () => {
  it('swaps in valid edits, and keeps the last good content on a bad edit', async () => {
    const d = setup();
    const seen: Content[] = [];
    const problems: string[][] = [];
    const w = watchContent(d, {
      onContent: (c) => seen.push(c),
      onProblems: (_, f) => problems.push(f),
      debounceMs: 30,
    });
    try {
      const first = await w.reload();
      expect(first.ok).toBe(true);
      expect(seen.at(-1)?.passages.get('a#1')?.text).toBe('First version.');

      const file = path.join(d, 'articles', 'a.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('First version.', 'Second version.'));
      await until(() => (seen.at(-1)?.passages.get('a#1')?.text === 'Second version.' ? true : undefined));

      const count = seen.length;
      writeFileSync(file, readFileSync(file, 'utf8').replace('kind: opinion', 'kind: rumour'));
      const reported = await until(() => problems.at(-1));
      expect(reported).toEqual([
        'articles/a.md:7: `kind` must be one of: opinion, interview, news, analysis',
      ]);
      expect(seen.length).toBe(count);
      expect(seen.at(-1)?.passages.get('a#1')?.text).toBe('Second version.');
    } finally {
      w.close();
    }
  });
});
