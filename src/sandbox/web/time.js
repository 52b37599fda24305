// @ts-check
/** How the page shows a message's time: "10:04", "Today at 10:04", or in full in a tooltip. */

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** @param {string | null | undefined} iso */
function toDate(iso) {
  const d = new Date(iso ?? '');
  return Number.isNaN(d.getTime()) ? null : d;
}

/** @param {string | null | undefined} iso */
export function shortTime(iso) {
  const d = toDate(iso);
  return d ? timeFormat.format(d) : '';
}

/** @param {string | null | undefined} iso */
export function longTime(iso) {
  const d = toDate(iso);
  return d ? fullFormat.format(d) : '';
}

/**
 * "Today at 10:04", "Yesterday at 10:04" or a date.
 * @param {string | null | undefined} iso
 */
export function longishTime(iso) {
  const d = toDate(iso);
  if (!d) return '';
  const days = Math.round((startOfDay(new Date()) - startOfDay(d)) / 86400000);
  if (days === 0) return `Today at ${timeFormat.format(d)}`;
  if (days === 1) return `Yesterday at ${timeFormat.format(d)}`;
  return `${dateFormat.format(d)} ${timeFormat.format(d)}`;
}

/** @param {Date} d */
function startOfDay(d) {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}
