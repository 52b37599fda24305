import { describe, expect, it } from 'vitest';
import { check, ratioCheck, spread, table, targetTable } from '../../bench/report.js';
import { summarize } from '../../bench/stats.js';

describe('bench report', () => {
  it('passes a target at its limit and misses it beyond, either way round', () => {
    expect(check('p99', 10, '<=', 10, 'ms').pass).toBe(true);
    expect(check('p99', 10.01, '<=', 10, 'ms').pass).toBe(false);
    expect(check('mrr', 0.95, '>=', 0.95, '').pass).toBe(true);
    expect(check('mrr', 0.949, '>=', 0.95, '').pass).toBe(false);
    expect(check('nothing measured', Number.NaN, '<=', 10, 'ms').pass).toBeNull();
  });

  it('shows the median with the spread across runs', () => {
    expect(spread(summarize([3, 1, 2]))).toBe('2.00 (1.00–3.00)');
    expect(spread(summarize([250]))).toBe('250');
  });

  it('aligns columns, numbers to the right', () => {
    expect(
      table(
        ['what', 'ms'],
        [
          ['build', '5.00'],
          ['load', '120'],
        ],
      ).split('\n'),
    ).toEqual(['what     ms', '─────  ────', 'build  5.00', 'load    120']);
  });
});

describe('ratio targets', () => {
  it('divides the two figures and shows both beside the ratio', () => {
    const c = ratioCheck('p50 ÷ scan', 3, 2, '<=', 1, 'ms');
    expect(c).toMatchObject({ value: 1.5, unit: '×', pass: false, detail: '3.00 ms ÷ 2.00 ms' });
    expect(targetTable([c]).split('\n')[2]).toContain('1.50 × (3.00 ms ÷ 2.00 ms)');
    expect(ratioCheck('peer', 200, 10, '>=', 20, 'ms').pass).toBe(true);
  });

  it('is not measured when either figure is missing or the divisor is zero', () => {
    expect(ratioCheck('a', Number.NaN, 2, '<=', 1, 'ms').pass).toBeNull();
    expect(ratioCheck('a', 2, Number.NaN, '<=', 1, 'ms').pass).toBeNull();
    expect(ratioCheck('a', 2, 0, '<=', 1, 'ms').pass).toBeNull();
    expect(targetTable([ratioCheck('a', Number.NaN, 2, '<=', 1, 'ms')]).split('\n')[2]).toMatch(
      /^a\s+– ×\s+<= 1\.00 ×\s+not measured$/,
    );
  });
});
