/**
 * Date lines at the top of an article ("March 3, 2025", "Updated Feb. 3, 2025, 10:04 a.m.",
 * "14 March 2025", "2025-03-03"): recognised so that they are kept out of the text, and read as the
 * article's date when its metadata gives none. A date written only in numbers with slashes or dots
 * ("03/04/2025") is left unread: it is 3 April in one country and March 4 in another.
 */

const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=[\s,]|$)/i;
const NUMERIC_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;

/** A line that is only a date or a time stamp ("14 March 2025", "Updated Feb. 3, 2025, 10:04 a.m."). */
export const isDateLine = (text: string): boolean =>
  text.split(' ').length <= 10 &&
  (MONTH.test(text) || NUMERIC_DATE.test(text)) &&
  /\b(?:1[89]|20)\d{2}\b/.test(text) &&
  /^(?:(?:published|updated|posted|last updated)\b[:\s]*)?[\p{L}\d ,.:/-]*$/iu.test(text) &&
  !/\b(?:is|are|was|were|has|have|will|said)\b/i.test(text);

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The month number (1–12) of a month's name or an abbreviation of it ("Feb.", "Sept"), if it is one. */
function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex((name) => w.length >= 3 && name.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` if that day is on the calendar. */
function calendarDay(year: number, month: number, day: number): string | undefined {
  const text = `${year}-${pad(month)}-${pad(day)}`;
  const t = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === text ? text : undefined;
}

/**
 * The date a date line gives, as the article format writes it: `2025-03-03`, or `2025-03` for a
 * month and year alone. Undefined for anything else, or for a day not on the calendar.
 */
export function dateOfLine(text: string): string | undefined {
  if (!isDateLine(text)) return undefined;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // "March 3, 2025", "Mar. 3 2025", "3 March 2025", "March 2025".
  const monthFirst = /\b([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})\b/.exec(text);
  const monthYear = /\b([A-Za-z]+\.?),?\s+(\d{4})\b/.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1] ?? '');
    if (month !== undefined) return calendarDay(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] ?? '');
    if (month !== undefined) return calendarDay(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  if (monthYear) {
    const month = monthNumber(monthYear[1] ?? '');
    if (month !== undefined) return `${monthYear[2] ?? ''}-${pad(month)}`;
  }
  return undefined;
}
