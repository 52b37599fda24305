import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptArticleIds, resolveEvidence, sideChoices } from '../../../src/core/discussion/evidence.js';
import { searchPassages } from '../../../src/core/search/index.js';
import { manyLibrary, type ManyLibrary } from '../../helpers/many-library.js';

let many: ManyLibrary;
beforeAll(async () => {
  many = await manyLibrary();
});
afterAll(() => {
  many.remove();
});

const FLOODS = ['baker-winter', 'garcia-farms'];

describe('resolveEvidence', () => {
  it('searches only the prompt’s articles', () => {
    // Filler words shared by every article: the whole class has matches, the prompt only its own.
    expect(
      new Set(searchPassages(many.library.index, 'railway bridge').map((h) => h.passage.articleId)).size,
    ).toBeGreaterThan(2);
    const r = resolveEvidence(many.library, 'railway bridge', FLOODS);
    expect(r.kind).toBe('found');
    if (r.kind === 'found') for (const h of r.hits) expect(FLOODS).toContain(h.passage.articleId);
  });

  it('never attaches an unrelated passage: words found only elsewhere match nothing', () => {
    expect(searchPassages(many.library.index, 'school meals pupils').length).toBeGreaterThan(0);
    expect(resolveEvidence(many.library, 'school meals pupils', FLOODS)).toEqual({
      kind: 'unmatched',
      typed: 'school meals pupils',
    });
  });

  it('resolves a passage id directly, and nothing typed to none', () => {
    const r = resolveEvidence(many.library, ' garcia-farms#2 ', FLOODS);
    expect(r.kind === 'found' && r.hits.map((h) => h.passage.id)).toEqual(['garcia-farms#2']);
    expect(resolveEvidence(many.library, '   ', FLOODS)).toEqual({ kind: 'none' });
  });
});

describe('promptArticleIds', () => {
  it('reads the articles from a prompt post’s evidence footers, in order, known ones only', () => {
    const known = new Set(FLOODS);
    expect(
      promptArticleIds(
        [
          'Prompt river-floods:analyze',
          'baker-winter#3 · baker-winter#4',
          'garcia-farms#2',
          'gone#1',
          undefined,
        ],
        known,
      ),
    ).toEqual(FLOODS);
    expect(sideChoices(['a'])).toEqual([]);
    expect(sideChoices(FLOODS)).toEqual(FLOODS);
  });
});
