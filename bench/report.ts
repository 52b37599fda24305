/** Printing the bench: aligned tables, figures with their spread, and PASS/MISS against targets. */
import type { Spread } from './stats.js';

export interface TargetCheck {
  readonly what: string;
  /** The measured figure (the median across runs). */
  readonly value: number;
  /** The figure must be at most (`<=`) or at least (`>=`) this. */
  readonly op: '<=' | '>=';
  readonly limit: number;
  readonly unit: string;
  /** Null when it was not measured in this run (e.g. 100,000 passages in quick mode). */
  readonly pass: boolean | null;
  /** For a ratio: the two figures it was computed from, e.g. "2.48 ms ÷ 3.10 ms". */
  readonly detail?: string;
}

export function check(
  what: string,
  value: number,
  op: '<=' | '>=',
  limit: number,
  unit: string,
): TargetCheck {
  const pass = Number.isFinite(value) ? (op === '<=' ? value <= limit : value >= limit) : null;
  return { what, value, op, limit, unit, pass };
}

/**
 * A target on the ratio of two figures measured in the same run (`numerator ÷ denominator`), so that
 * it holds whatever the machine. Not measured (null) when either figure is missing or zero.
 */
export function ratioCheck(
  what: string,
  numerator: number,
  denominator: number,
  op: '<=' | '>=',
  limit: number,
  unit: string,
): TargetCheck {
  const value = denominator > 0 && numerator >= 0 ? numerator / denominator : Number.NaN;
  const result = check(what, value, op, limit, '×');
  if (result.pass === null) return result;
  return { ...result, detail: `${num(numerator)} ${unit} ÷ ${num(denominator)} ${unit}` };
}

/** A number with sensible precision for a table. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

/** "median (min–max)": the figure and its spread across runs. */
export function spread(s: Spread): string {
  if (s.runs <= 1) return num(s.median);
  return `${num(s.median)} (${num(s.min)}–${num(s.max)})`;
}

/** Columns padded to their widest cell; columns of numbers are right-aligned, header included. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = header.map(
    (_, c) => c > 0 && rows.length > 0 && rows.every((r) => /^([\d–.-]|$)/.test(r[c] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const w = widths[c] ?? 0;
        return numeric[c] ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function targetTable(checks: readonly TargetCheck[]): string {
  return table(
    ['target', 'measured', 'limit', 'result'],
    checks.map((c) => [
      c.what,
      `${num(c.value)} ${c.unit}`.trimEnd() + (c.detail ? ` (${c.detail})` : ''),
      `${c.op} ${num(c.limit)} ${c.unit}`,
      c.pass === null ? 'not measured' : c.pass ? 'PASS' : 'MISS',
    ]),
  );
}
