/**
 * APA (7th ed.) and MLA (9th ed.) citations, built only from an article's metadata.
 * Unknown parts are left out the way each style prescribes: no date is "n.d." in APA and simply
 * omitted in MLA; an unknown title is replaced by the editor's description (in [brackets] for APA).
 */
import type { Article, Passage } from '../content/types.js';

export const CITATION_STYLES = ['apa', 'mla'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export interface Citation {
  readonly style: CitationStyle;
  /** The reference-list entry, plain text. */
  readonly reference: string;
  /** The same with *italics* in Markdown, for places that render it. */
  readonly markdown: string;
  /** The parenthetical in-text citation, with the paragraph when a passage is given. */
  readonly inText: string;
}

/** Full month names, for APA and for dates shown to readers. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MLA_MONTHS = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

interface Name {
  readonly given: string[];
  readonly family: string;
}

function splitName(full: string): Name {
  const parts = full.trim().split(/\s+/);
  const family = parts.pop() ?? full;
  return { given: parts, family };
}

function initials(given: readonly string[]): string {
  return given
    .map((g) =>
      g
        .split('-')
        .map((p) => `${p.charAt(0).toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

function apaAuthors(authors: readonly string[]): string {
  const names = authors
    .map(splitName)
    .map((n) => (n.given.length > 0 ? `${n.family}, ${initials(n.given)}` : n.family));
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1) ?? ''}`;
}

function mlaAuthors(authors: readonly string[]): string {
  const [first, second] = authors;
  if (first === undefined) return '';
  const n = splitName(first);
  const lead = n.given.length > 0 ? `${n.family}, ${n.given.join(' ')}` : n.family;
  if (authors.length === 1) return lead;
  if (authors.length === 2) return `${lead}, and ${second ?? ''}`;
  return `${lead}, et al`;
}

function surnames(authors: readonly string[], and: string): string {
  const f = authors.map((a) => splitName(a).family);
  if (f.length === 0) return '';
  if (f.length === 1) return f[0] ?? '';
  if (f.length === 2) return `${f[0] ?? ''} ${and} ${f[1] ?? ''}`;
  return `${f[0] ?? ''} et al.`;
}

function dateParts(date: string | undefined): { year?: number; month?: number; day?: number } {
  if (!date) return {};
  const [y, m, d] = date.split('-').map(Number);
  return { ...(y && { year: y }), ...(m && { month: m }), ...(d && { day: d }) };
}

// MLA lowercases articles, prepositions, coordinating conjunctions and "to" unless first or last.
const MINOR = new Set(
  (
    'a an the and but or nor for so yet as about above across after against along among around at before behind ' +
    'below beneath beside between beyond by down during except from in inside into like near of off on onto out ' +
    'outside over past since through throughout to toward towards under until up upon via with within without'
  ).split(' '),
);

/** MLA title case. Words with capitals inside them ("U.S.", "iPhone") are left as written. */
export function titleCase(title: string): string {
  const parts = title.split(/(\s+)/);
  const wordIdx = parts.map((p, i) => (/\S/.test(p) ? i : -1)).filter((i) => i >= 0);
  const first = wordIdx[0];
  const last = wordIdx.at(-1);
  return parts
    .map((p, i) => {
      if (!/\S/.test(p) || /[A-Z]/.test(p.slice(1)) || !/^\p{L}/u.test(p)) return p;
      const lower = p.toLowerCase();
      const afterColon = i > 1 && /[:]$/.test(parts[i - 2] ?? '');
      if (MINOR.has(lower.replace(/[^\p{L}]/gu, '')) && i !== first && i !== last && !afterColon)
        return lower;
      return p.charAt(0).toUpperCase() + p.slice(1);
    })
    .join('');
}

function endWithPeriod(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function apa(article: Article, passage?: Passage): Citation {
  const { year, month, day } = dateParts(article.date);
  const date = year
    ? [year, month ? [MONTHS[month - 1], day].filter(Boolean).join(' ') : ''].filter(Boolean).join(', ')
    : 'n.d.';
  const authors = apaAuthors(article.authors);
  const titlePlain = article.title ? endWithPeriod(article.title) : `[${article.description ?? 'Untitled'}].`;
  const titleMd = article.title ? `*${article.title}*${/[.!?]$/.test(article.title) ? '' : '.'}` : titlePlain;
  const tail = [endWithPeriod(article.outlet), article.url].filter(Boolean).join(' ');
  const head = `${endWithPeriod(authors)} (${date}).`;
  const where = passage ? `, para. ${passage.paragraph}` : '';
  return {
    style: 'apa',
    reference: `${head} ${titlePlain} ${tail}`,
    markdown: `${head} ${titleMd} ${tail}`,
    inText: `(${surnames(article.authors, '&')}, ${year ?? 'n.d.'}${where})`,
  };
}

function mla(article: Article, passage?: Passage): Citation {
  const { year, month, day } = dateParts(article.date);
  const date = year ? [day, month ? MLA_MONTHS[month - 1] : undefined, year].filter(Boolean).join(' ') : '';
  const title = article.title
    ? `“${endWithPeriod(article.title)}”`
    : endWithPeriod(article.description ?? 'Untitled');
  const url = article.url?.replace(/^https?:\/\//, '');
  const container = (outlet: string) => [outlet, date, url].filter(Boolean).join(', ');
  const head = endWithPeriod(mlaAuthors(article.authors));
  const where = passage ? `, par. ${passage.paragraph}` : '';
  return {
    style: 'mla',
    reference: `${head} ${title} ${endWithPeriod(container(article.outlet))}`,
    markdown: `${head} ${title} ${endWithPeriod(container(`*${article.outlet}*`))}`,
    inText: `(${surnames(article.authors, 'and')}${where})`,
  };
}

/** Cites an article, or a passage of it (adding the paragraph to the in-text citation). */
export function cite(article: Article, style: CitationStyle, passage?: Passage): Citation {
  return style === 'apa' ? apa(article, passage) : mla(article, passage);
}
