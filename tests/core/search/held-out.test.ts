/**
 * The held-out articles of the search quality test (tests/fixtures/held-out/) are real public texts,
 * kept word for word: every paragraph is in its source text, as `content:check` checks an article.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passageProblems } from '../../../src/content/sources.js';
import { buildContent } from '../../../src/content/load.js';
import { TINY_TOPICS } from '../../helpers/content.js';
import { HELD_OUT_DIR, HELD_OUT_IDS, heldOutFiles } from '../../helpers/held-out.js';

describe('held-out articles', () => {
  const files = new Map<string, string>(heldOutFiles());
  files.set('topics.yaml', TINY_TOPICS);
  const result = buildContent(files);

  it('are valid articles, at least three, each with a source text and a provenance note', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(HELD_OUT_IDS.size).toBeGreaterThanOrEqual(3);
    for (const id of HELD_OUT_IDS) {
      expect(existsSync(path.join(HELD_OUT_DIR, 'sources', `${id}.txt`)), id).toBe(true);
      const note = readFileSync(path.join(HELD_OUT_DIR, 'sources', `${id}.provenance.md`), 'utf8');
      expect(note, id).toMatch(/https?:\/\/\S+/);
      expect(note, id).toMatch(/public domain/i);
    }
  });

  it('are word for word in their sources', () => {
    if (!result.ok) throw new Error('invalid held-out articles');
    for (const article of result.content.articles) {
      const file = `sources/${article.id}.txt`;
      const source = readFileSync(path.join(HELD_OUT_DIR, file), 'utf8');
      expect(passageProblems(article, file, source), article.id).toEqual([]);
    }
  });
});
