/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet. Hand-written: the quoting rule is a few
 * lines, and CSV libraries (csv-stringify, papaparse) leave formula injection to the caller anyway,
 * so a library would add a dependency and still need {@link defuse}.
 */

/**
 * What a spreadsheet reads as the start of a formula (OWASP's "CSV injection"): a cell starting
 * with one of these is prefixed with `'`, so "=HYPERLINK(…)" typed by a student stays text.
 */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** Record separator: RFC 4180 says CRLF. */
export const CSV_EOL = '\r\n';

/** A byte-order mark, so that Excel reads the file as UTF-8 (names with accents); others skip it. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number;

/** A text cell that cannot start a formula. Numbers are never text and never prefixed. */
export function defuse(text: string): string {
  return FORMULA_STARTS.some((c) => text.startsWith(c)) ? `'${text}` : text;
}

/** One cell: defused, then quoted when it holds a quote, a comma, CR or LF (quotes doubled). */
export function csvCell(value: CsvValue): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records, each ended by CRLF, after a header record and a byte-order mark. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + [header, ...rows].map((r) => r.map(csvCell).join(',') + CSV_EOL).join('');
}
