/**
 * Search quality over the real articles and the held-out ones (tests/fixtures/held-out/: public texts
 * the search was not tuned on), on the labelled query set in tests/fixtures/queries.yaml.
 * Thresholds: issue 14's bar, recall@1 ≥ 0.95 overall (0.956 on 2026-11-29, r@3 0.975, after
 * compounds and word families reached the word being typed and synonyms reached every word), and
 * r@3 ≥ 0.95. r@1 and MRR are printed per kind and for the held-out articles, with every query that
 * misses: paraphrases that share no word WordNet links with the text miss most.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Library } from '../../../src/core/index.js';
import { findQuote } from '../../../src/core/quote.js';
import { searchPassages } from '../../../src/core/search/index.js';
import { hasArticle } from '../../helpers/content.js';
import { HELD_OUT_IDS, libraryWithHeldOut } from '../../helpers/held-out.js';

/** The bars (see the header). */
const R_AT_1_FLOOR = 0.95;
const R_AT_3_FLOOR = 0.95;

const KINDS = [
  'compound',
  'correction',
  'family',
  'fragment',
  'name',
  'paraphrase',
  'prefix',
  'sent',
  'topic',
  'transposition',
  'typing',
  'typo',
  'visible',
] as const;

interface Labelled {
  query: string;
  kind: (typeof KINDS)[number];
  /** Right answers; empty for a `visible` query that is right when no rejected passage comes first. */
  expect: string[];
  /** Passages that must not come first (they hold the query's words only where the reader cannot see). */
  reject?: string[];
}

const labelled = parse(readFileSync('tests/fixtures/queries.yaml', 'utf8')) as Labelled[];
const articleOf = (id: string) => id.split('#')[0] ?? '';
const idsOf = (q: Labelled) => [...q.expect, ...(q.reject ?? [])];
const isHeldOut = (q: Labelled) => idsOf(q).every((id) => HELD_OUT_IDS.has(articleOf(id)));
/**
 * The queries are labelled with passages of the shipped articles and of the held-out ones. One whose
 * passages are in an article a teacher has removed is left out; articles a teacher adds compete with
 * the labelled passages.
 */
const queries = labelled.filter((q) =>
  idsOf(q).every((id) => HELD_OUT_IDS.has(articleOf(id)) || hasArticle(articleOf(id))),
);

/** The passage ids a query finds, best first: as /quote finds them once sent, or as autocomplete does. */
function found(library: Library, q: Labelled): string[] {
  if (q.kind !== 'sent')
    return searchPassages(library.index, q.query, { limit: 25 }).map((h) => h.passage.id);
  const ids: string[] = [];
  for (let index = 0; index < 25; index++) {
    const page = findQuote(library, { query: q.query, index });
    if (!page.found || page.index !== index) break;
    ids.push(page.hit.passage.id);
  }
  return ids;
}

/** 1-based rank of the first right answer; 0 when there is none, or a rejected passage comes first. */
function rankOf(ids: string[], q: Labelled): number {
  if (ids[0] !== undefined && (q.reject ?? []).includes(ids[0])) return 0;
  if (q.expect.length === 0) return 1;
  return ids.findIndex((id) => q.expect.includes(id)) + 1;
}

interface Ranked {
  q: Labelled;
  rank: number;
  first: string;
}

const share = (rs: Ranked[], ok: (rank: number) => boolean) =>
  rs.filter((r) => ok(r.rank)).length / rs.length;
const mrr = (rs: Ranked[]) => rs.reduce((s, r) => s + (r.rank > 0 ? 1 / r.rank : 0), 0) / rs.length;
const line = (name: string, rs: Ranked[]) =>
  `${name.padEnd(13)} n=${String(rs.length).padStart(3)} r@1=${share(rs, (r) => r === 1).toFixed(2)} MRR=${mrr(rs).toFixed(3)}`;

describe('search quality on the labelled query set', () => {
  it('has at least 60 queries covering every kind, each naming real passages', async () => {
    const { content } = await libraryWithHeldOut();
    expect(labelled.length).toBeGreaterThanOrEqual(60);
    expect([...new Set(labelled.map((q) => q.kind))].sort()).toEqual([...KINDS]);
    expect(labelled.filter(isHeldOut).length).toBeGreaterThanOrEqual(20);
    for (const q of queries) {
      expect(q.expect.length + (q.reject ?? []).length, q.query).toBeGreaterThan(0);
      for (const id of idsOf(q)) expect(content.passages.has(id), `${q.query} → ${id}`).toBe(true);
    }
  });

  it.skipIf(queries.length === 0)(
    `keeps recall@1 ≥ ${R_AT_1_FLOOR} and recall@3 ≥ ${R_AT_3_FLOOR}`,
    async () => {
      const library = await libraryWithHeldOut();
      const ranks: Ranked[] = queries.map((q) => {
        const ids = found(library, q);
        return { q, rank: rankOf(ids, q), first: ids[0] ?? 'nothing' };
      });
      const kinds = KINDS.filter((k) => ranks.some((r) => r.q.kind === k));
      const heldOut = ranks.filter((r) => isHeldOut(r.q));
      const misses = ranks
        .filter((r) => r.rank !== 1)
        .map(
          (r) =>
            `${r.q.kind}: "${r.q.query}" ranked ${r.rank || 'absent'} (first: ${r.first}; wanted ${r.q.expect.join(', ') || `not ${(r.q.reject ?? []).join(', ')}`})`,
        );
      console.log(
        [
          `search quality: n=${ranks.length} r@1=${share(ranks, (r) => r === 1).toFixed(3)} r@3=${share(ranks, (r) => r > 0 && r <= 3).toFixed(3)} MRR=${mrr(ranks).toFixed(3)}`,
          ...kinds.map((k) =>
            line(
              k,
              ranks.filter((r) => r.q.kind === k),
            ),
          ),
          ...(heldOut.length > 0 ? [line('(held-out)', heldOut)] : []),
          `misses (${misses.length}):`,
          ...misses.map((m) => `  ${m}`),
        ].join('\n  '),
      );
      expect(
        share(ranks, (r) => r === 1),
        misses.join('\n'),
      ).toBeGreaterThanOrEqual(R_AT_1_FLOOR);
      expect(
        share(ranks, (r) => r > 0 && r <= 3),
        misses.join('\n'),
      ).toBeGreaterThanOrEqual(R_AT_3_FLOOR);
    },
  );
});
