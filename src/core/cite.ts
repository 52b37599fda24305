/**
 * APA (7th ed.) and MLA (9th ed.) citations, built only from an article's metadata.
 * Unknown parts are left out the way each style prescribes: no date is "n.d." in APA and simply
 * omitted in MLA; an unknown title is replaced by the editor's description (in [brackets] for APA).
 * An organisation author (`authors: [{ organization: Reuters }]`) is cited by its full name, never
 * as a surname with initials. With no author, APA moves the title to the author's place and MLA
 * starts with the title; so does MLA when the organisation is also the publisher, where APA
 * leaves out the site name instead.
 */
import { titleWords } from '../content/labels.js';
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

/** An author as cited: a person's name split for inversion, an organisation's name whole. */
type Author = { readonly person: Name } | { readonly organization: string };

function authorsOf(article: Article): Author[] {
  return article.authors.map((name) =>
    article.organizations?.includes(name) ? { organization: name } : { person: splitName(name) },
  );
}

function apaName(a: Author): string {
  if ('organization' in a) return a.organization;
  const n = a.person;
  return n.given.length > 0 ? `${n.family}, ${initials(n.given)}` : n.family;
}

function apaAuthors(authors: readonly Author[]): string {
  const names = authors.map(apaName);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1) ?? ''}`;
}

function mlaAuthors(article: Article, authors: readonly Author[]): string {
  const [first] = authors;
  if (first === undefined) return '';
  const lead =
    'organization' in first
      ? first.organization
      : first.person.given.length > 0
        ? `${first.person.family}, ${first.person.given.join(' ')}`
        : first.person.family;
  if (authors.length === 1) return lead;
  if (authors.length === 2) return `${lead}, and ${article.authors[1] ?? ''}`;
  return `${lead}, et al`;
}

/** "Sumner", "Kulakevich & Lieberman", "Writer et al.", "Reuters": who an in-text citation names. */
function surnames(authors: readonly Author[], and: string): string {
  const f = authors.map((a) => ('organization' in a ? a.organization : a.person.family));
  if (f.length === 0) return '';
  if (f.length === 1) return f[0] ?? '';
  if (f.length === 2) return `${f[0] ?? ''} ${and} ${f[1] ?? ''}`;
  return `${f[0] ?? ''} et al.`;
}

/**
 * Whether the article's one author is the organisation that published it ("Reuters" on Reuters):
 * APA then leaves out the site name, and MLA starts with the title (MLA 9, 5.7).
 */
function authorIsPublisher(article: Article, authors: readonly Author[]): boolean {
  const [only] = authors;
  return (
    authors.length === 1 &&
    only !== undefined &&
    'organization' in only &&
    only.organization === article.outlet
  );
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
  const authors = authorsOf(article);
  const titlePlain = article.title ? endWithPeriod(article.title) : `[${article.description ?? 'Untitled'}].`;
  const titleMd = article.title ? `*${article.title}*${/[.!?]$/.test(article.title) ? '' : '.'}` : titlePlain;
  const site = authorIsPublisher(article, authors) ? undefined : article.outlet;
  const tail = [site && endWithPeriod(site), article.url].filter(Boolean).join(' ');
  const where = passage ? `, para. ${passage.paragraph}` : '';
  const words = titleWords(article) ?? 'Untitled';
  // With no author, the title moves to the author's place, and its first words cite it in text.
  const reference = (title: string): string =>
    [
      authors.length > 0
        ? `${endWithPeriod(apaAuthors(authors))} (${date}). ${title}`
        : `${title} (${date}).`,
      tail,
    ]
      .filter(Boolean)
      .join(' ');
  const who = authors.length > 0 ? surnames(authors, '&') : article.title ? words : `[${words}]`;
  return {
    style: 'apa',
    reference: reference(titlePlain),
    markdown: reference(titleMd),
    inText: `(${who}, ${year ?? 'n.d.'}${where})`,
  };
}

function mla(article: Article, passage?: Passage): Citation {
  const { year, month, day } = dateParts(article.date);
  const date = year ? [day, month ? MLA_MONTHS[month - 1] : undefined, year].filter(Boolean).join(' ') : '';
  const title = article.title
    ? `“${endWithPeriod(article.title)}”`
    : endWithPeriod(article.description ?? 'Untitled');
  const url = article.url?.replace(/^https?:\/\//, '');
  const container = (outlet: string | undefined) => [outlet, date, url].filter(Boolean).join(', ');
  const authors = authorsOf(article);
  // No author, or an organisation that is also the publisher: the entry starts with the title.
  const titleFirst = authors.length === 0 || authorIsPublisher(article, authors);
  const head = titleFirst ? '' : `${endWithPeriod(mlaAuthors(article, authors))} `;
  const tail = (outlet: string | undefined): string => {
    const rest = container(outlet);
    return rest === '' ? '' : ` ${endWithPeriod(rest)}`;
  };
  const words = titleWords(article) ?? 'Untitled';
  const where = passage ? `, par. ${passage.paragraph}` : '';
  let who = surnames(authors, 'and') + where;
  if (titleFirst) who = article.title ? `“${words}${where ? ',' : ''}”${where.slice(1)}` : `${words}${where}`;
  return {
    style: 'mla',
    reference: `${head}${title}${tail(article.outlet)}`,
    markdown: `${head}${title}${tail(article.outlet && `*${article.outlet}*`)}`,
    inText: `(${who})`,
  };
}

/** Cites an article, or a passage of it (adding the paragraph to the in-text citation). */
export function cite(article: Article, style: CitationStyle, passage?: Passage): Citation {
  return style === 'apa' ? apa(article, passage) : mla(article, passage);
}
