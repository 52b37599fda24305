import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_STARTS, csvCell, defuse, toCsv } from '../../src/render/csv.js';
import { parseCsv } from '../helpers/csv.js';

/** Text rich in what CSV and spreadsheets treat specially. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ',', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", ' ', 'é', '𝄞'),
    fc.string({ maxLength: 3 }),
  ),
  maxLength: 20,
});
const value = fc.oneof(tricky, fc.nat());
/** OWASP's list, written out here rather than taken from csv.ts, so that a change there is caught. */
const FORMULA = ['=', '+', '-', '@', '\t', '\r'];
const dangerous = (cell: string) => FORMULA.some((c) => cell.startsWith(c));

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('Ann Author')).toBe('Ann Author');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('')).toBe('');
  });
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\rtwo')).toBe('"one\rtwo"');
  });
  it('prefixes every cell a spreadsheet would read as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('a=1')).toBe('a=1');
  });
  it('defuses exactly the starts the module lists', () => {
    expect([...FORMULA_STARTS].sort()).toEqual([...FORMULA].sort());
  });
  it('never prefixes a number', () => {
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a BOM, a header and CRLF-ended records', () => {
    expect(toCsv(['name', 'answers'], [['Ann', 2]])).toBe('\uFEFFname,answers\r\nAnn,2\r\n');
  });
  it('reads back, cell for cell, through an independent RFC 4180 reader (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const square = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
        const back = parseCsv(toCsv(header, square));
        expect(back).toEqual([
          header,
          ...square.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : defuse(v)))),
        ]);
      }),
    );
  });
  it('never gives a spreadsheet a cell that starts a formula, and keeps the text after the prefix (property)', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const [, [cell] = []] = parseCsv(toCsv(['x'], [[text]]));
        expect(cell).toBeDefined();
        expect(dangerous(cell ?? '')).toBe(false);
        expect(cell === text || cell === `'${text}`).toBe(true);
        expect(cell === text).toBe(!dangerous(text));
      }),
    );
  });
});
