/**
 * Scoring read from MiniSearch's index (score.ts) gives what MiniSearch's own `search` gives, on the
 * held-out articles (real texts, with speakers and quoted people) for queries of every kind the plan
 * makes: words, completions of a word being typed, near-spellings, families and synonyms, names.
 */
import { describe, expect, it } from 'vitest';
import type { SearchResult } from 'minisearch';
import { buildContent } from '../../../src/content/load.js';
import { createSearchIndex, type SearchIndex } from '../../../src/core/search/index.js';
import { planQuery } from '../../../src/core/search/plan.js';
import { parseQuery } from '../../../src/core/search/query.js';
import {
  internalsOf,
  scoreFromIndex,
  scoreTerms,
  searchTerms,
  type ScoreOptions,
} from '../../../src/core/search/score.js';
import { MINI_OPTIONS } from '../../../src/core/search/search-index.js';
import { termGroups } from '../../../src/core/search/search-passages.js';
import { words } from '../../../src/core/text.js';
import { TINY_TOPICS } from '../../helpers/content.js';
import { heldOutFiles } from '../../helpers/held-out.js';

function heldOutIndex(): SearchIndex {
  const files = new Map(heldOutFiles());
  files.set('topics.yaml', TINY_TOPICS);
  const built = buildContent(files);
  if (!built.ok) throw new Error('invalid held-out articles');
  return createSearchIndex(built.content.passages.values());
}

/** Queries of every kind, drawn from the passages in a fixed way. */
function queriesOf(index: SearchIndex): string[] {
  const queries: string[] = [];
  for (const p of index.passages.values()) {
    const ws = words(p.corrected).map((w) => w.word);
    for (let at = 0; at + 4 <= ws.length; at += 7) {
      const [a = '', b = '', c = '', d = ''] = ws.slice(at, at + 4);
      queries.push(
        `${a} ${b} ${c}`,
        `${a} ${b} ${c.slice(0, 2)}`,
        `${b}${c} ${d} `,
        `${p.speaker.name} ${d}`,
      );
      // A typo: two neighbouring letters swapped, and one dropped.
      if (d.length > 5) queries.push(`${d.slice(0, 2)}${d[3]}${d[2]}${d.slice(4)} `, `${a} ${d.slice(1)}`);
    }
  }
  queries.push('invasion detained terrorism ', 'leave the country ');
  return queries;
}

/** The results by passage id (the order of results is left to the caller). */
function comparable(results: readonly SearchResult[]) {
  return results
    .map((r) => ({ id: r.id as string, score: r.score, terms: [...r.queryTerms].sort() }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('scoring from the index', () => {
  const index = heldOutIndex();
  const fields = MINI_OPTIONS.searchOptions?.fields ?? [];

  it('reads this MiniSearch release’s index (else every search would take the slower path)', () => {
    expect(internalsOf(index.mini)).not.toBeNull();
  });

  it('gives the passages, scores and matched terms MiniSearch’s search gives', () => {
    const queries = queriesOf(index);
    expect(queries.length).toBeGreaterThan(300);
    let compared = 0;
    for (const q of queries) {
      for (const typing of [true, false]) {
        const plan = planQuery(index, parseQuery(q, typing), true, Infinity);
        const options: ScoreOptions = { fields, termBoost: (t) => plan.boost.get(t) ?? 1 };
        const groups = termGroups(plan);
        const fast = scoreFromIndex(index.mini, groups, options);
        const slow = searchTerms(index.mini, groups, options);
        expect(fast, q).not.toBeNull();
        const got = comparable(fast ?? []);
        const want = comparable(slow);
        expect(
          got.map((r) => r.id),
          q,
        ).toEqual(want.map((r) => r.id));
        got.forEach((r, i) => {
          expect(r.score, q).toBeCloseTo(want[i]?.score ?? NaN, 9);
          expect(r.terms, q).toEqual(want[i]?.terms);
        });
        compared += got.length;
      }
    }
    expect(compared).toBeGreaterThan(2_000);
  });

  it('keeps only what the filter keeps, and searches the fields asked for', () => {
    const plan = planQuery(index, parseQuery('president said the war ', false), true, Infinity);
    const groups = termGroups(plan);
    const firstArticle = [...index.passages.values()][0]?.articleId;
    const options: ScoreOptions = {
      fields: ['text', 'copy', 'speakers'],
      termBoost: () => 1,
      filter: (id) => index.passages.get(id)?.articleId === firstArticle,
    };
    const fast = comparable(scoreFromIndex(index.mini, groups, options) ?? []);
    expect(fast.length).toBeGreaterThan(0);
    expect(fast.map((r) => r.id)).toEqual(
      comparable(searchTerms(index.mini, groups, options)).map((r) => r.id),
    );
    for (const r of fast) expect(index.passages.get(r.id)?.articleId).toBe(firstArticle);
    // What the filter dropped left nothing behind for the next search.
    const all: ScoreOptions = { fields, termBoost: () => 1 };
    expect(comparable(scoreFromIndex(index.mini, groups, all) ?? [])).toEqual(
      comparable(searchTerms(index.mini, groups, all)),
    );
  });

  it('leaves nothing behind when a boost throws part-way', () => {
    const plan = planQuery(index, parseQuery('president said the war ', false), true, Infinity);
    const groups = termGroups(plan);
    let calls = 0;
    const throwing: ScoreOptions = {
      fields,
      termBoost: () => {
        if (++calls === 2) throw new Error('boom');
        return 1;
      },
    };
    expect(() => scoreFromIndex(index.mini, groups, throwing)).toThrow('boom');
    const plain: ScoreOptions = { fields, termBoost: () => 1 };
    expect(comparable(scoreFromIndex(index.mini, groups, plain) ?? [])).toEqual(
      comparable(searchTerms(index.mini, groups, plain)),
    );
  });

  it('leaves an index it cannot read, or more groups than it counts, to MiniSearch', () => {
    const plan = planQuery(index, parseQuery('president said the war ', false), true, Infinity);
    const options: ScoreOptions = { fields, termBoost: () => 1 };
    expect(internalsOf(Object.create(null) as typeof index.mini)).toBeNull();
    const eight = Array.from({ length: 8 }, () => ({ terms: plan.queries }));
    expect(scoreFromIndex(index.mini, eight, options)).toBeNull();
    expect(scoreTerms(index.mini, eight, options).length).toBeGreaterThan(0);
  });
});
