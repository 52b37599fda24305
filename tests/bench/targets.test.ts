import { describe, expect, it } from 'vitest';
import { searchTargets, type SizeFigures, type TargetFigures } from '../../bench/targets.js';
import type { TargetCheck } from '../../bench/report.js';

/** Figures that meet every target, to be spoiled one at a time. */
function size(passages: number, over: Partial<SizeFigures> = {}): SizeFigures {
  return {
    passages,
    autocompleteP50: 1,
    autocompleteP99: 5,
    scanP50: 2,
    baselineP99: 150,
    rssMB: 500,
    baselineRssMB: 600,
    buildMs: 30_000,
    baselineBuildMs: 35_000,
    longestSearchMs: 20,
    mrr: { fragment: 0.99, typo: 0.9, prefix: 0.95 },
    ...over,
  };
}

function figures(over: Partial<TargetFigures> = {}, at100k: Partial<SizeFigures> = {}): TargetFigures {
  return {
    sizes: [size(100), size(10_000), size(100_000, at100k)],
    oneStudentAutocompleteP99: 5,
    classAutocompleteP99: 10,
    ...over,
  };
}

function find(checks: readonly TargetCheck[], starts: string): TargetCheck {
  const found = checks.filter((c) => c.what.startsWith(starts));
  expect(found, starts).toHaveLength(1);
  return found[0] as TargetCheck;
}

describe('search targets as ratios', () => {
  it('passes every target on figures that meet them', () => {
    const checks = searchTargets(figures());
    expect(checks.filter((c) => c.pass !== true).map((c) => c.what)).toEqual([]);
    // 2 ratio sizes × 2 + memory + build + class + 3 longest + 3 × 3 MRR.
    expect(checks).toHaveLength(4 + 3 + 3 + 9);
  });

  it('compares autocomplete p50 with the brute-force scan: at or below it passes, above it misses', () => {
    const equal = find(
      searchTargets(figures({}, { autocompleteP50: 2, scanP50: 2 })),
      'autocomplete p50 ÷ brute-force scan p50, 100,000',
    );
    expect(equal).toMatchObject({ value: 1, pass: true, detail: '2.00 ms ÷ 2.00 ms' });
    const slower = find(
      searchTargets(figures({}, { autocompleteP50: 2.48, scanP50: 2.4 })),
      'autocomplete p50 ÷ brute-force scan p50, 100,000',
    );
    expect(slower.pass).toBe(false);
    expect(slower.value).toBeCloseTo(1.033, 3);
  });

  it('wants autocomplete p99 at least 20× lower than plain MiniSearch: 23× passes, 19× misses', () => {
    const at = (baselineP99: number) =>
      find(
        searchTargets(figures({}, { baselineP99, autocompleteP99: 10 })),
        'plain MiniSearch autocomplete p99 ÷ ours, 100,000',
      );
    expect(at(230)).toMatchObject({ value: 23, pass: true });
    expect(at(200).pass).toBe(true);
    expect(at(190)).toMatchObject({ value: 19, pass: false });
  });

  it('misses memory and build at 100,000 passages when ours is above plain MiniSearch', () => {
    const checks = searchTargets(
      figures({}, { rssMB: 845, baselineRssMB: 577, buildMs: 42_000, baselineBuildMs: 35_000 }),
    );
    expect(find(checks, 'RSS with the index').value).toBeCloseTo(845 / 577, 6);
    expect(find(checks, 'RSS with the index').pass).toBe(false);
    expect(find(checks, 'index build').value).toBeCloseTo(1.2, 6);
    expect(find(checks, 'index build').pass).toBe(false);
  });

  it('allows a class typing a p99 up to 3× one student’s', () => {
    const at = (classAutocompleteP99: number) =>
      find(
        searchTargets(figures({ oneStudentAutocompleteP99: 6.9, classAutocompleteP99 })),
        'autocomplete p99, 30 students',
      );
    expect(at(10.1).pass).toBe(true);
    expect(at(20.7).pass).toBe(true);
    expect(at(20.8).pass).toBe(false);
  });

  it('marks ratios as not measured where a size or the peer was skipped (quick mode), never as PASS or MISS', () => {
    const quick = searchTargets({
      ...figures(),
      sizes: [size(100), size(10_000, { baselineP99: Number.NaN })],
    });
    expect(find(quick, 'plain MiniSearch autocomplete p99 ÷ ours, 10,000').pass).toBeNull();
    expect(find(quick, 'autocomplete p50 ÷ brute-force scan p50, 100,000').pass).toBeNull();
    expect(find(quick, 'RSS with the index').pass).toBeNull();
    expect(find(quick, 'autocomplete p50 ÷ brute-force scan p50, 10,000').pass).toBe(true);
    expect(quick.filter((c) => c.what.startsWith('longest single search'))).toHaveLength(2);
  });

  it('keeps the longest single search under 50 ms and the MRR limits at every size', () => {
    const checks = searchTargets({
      ...figures(),
      sizes: [
        size(100),
        size(10_000, { longestSearchMs: 51, mrr: { fragment: 0.949, typo: 0.85, prefix: 0.9 } }),
      ],
    });
    expect(find(checks, 'longest single search, 100 passages').pass).toBe(true);
    expect(find(checks, 'longest single search, 10,000').pass).toBe(false);
    expect(find(checks, 'MRR@25, fragments, 10,000').pass).toBe(false);
    expect(find(checks, 'MRR@25, one-typo, 10,000').pass).toBe(true);
    expect(find(checks, 'MRR@25, as-you-type, 10,000').pass).toBe(true);
  });
});
