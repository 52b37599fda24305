/**
 * Short labels (`Article.short`): the name that tells articles apart in polls, buttons and
 * headings. An editor may write one (`short:`); otherwise it is made from the byline, and made
 * longer, one step at a time, only while two articles would have the same label:
 *
 * 1. `Sumner (Daily Kos)`: the author's surname (an interview's interviewee, an organisation's
 *    full name) and the outlet; unsigned work is named by its outlet (`Reuters`), and with no
 *    outlet either by the first words of its title.
 * 2. `Sumner (Daily Kos, 2025)`: the year added.
 * 3. `Sumner: Trump sides with Putin`: the first words of the title instead.
 * 4. `Sumner (sumner-riyadh)`: the article's id, which is unique.
 *
 * Labels are compared ignoring case and runs of spaces. An automatic label never equals an
 * editor's `short`; two editors' labels that are equal are a problem (see load.ts).
 */
import type { Article } from './types.js';

/** At most this many words of a title go into a label, and no more than about this many characters. */
const TITLE_WORDS = 4;
const TITLE_CHARS = 28;

/** How two labels are compared: "Smith  (reuters)" and "Smith (Reuters)" are the same label. */
export function labelKey(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The first few words of the title, or of the description when the title is unknown. */
export function titleWords(a: Pick<Article, 'title' | 'description'>): string | undefined {
  const title = a.title ?? a.description;
  if (title === undefined) return undefined;
  const picked: string[] = [];
  for (const word of title.trim().split(/\s+/)) {
    const next = [...picked, word].join(' ');
    if (picked.length > 0 && (picked.length >= TITLE_WORDS || next.length > TITLE_CHARS)) break;
    picked.push(word);
    // A title's own break ("Ukraine: the talks") ends the words taken.
    if (/[:;.!?]$/.test(word)) break;
  }
  const words = picked.join(' ').replace(/[\s,;:.!?—–-]+$/u, '');
  return words === '' ? undefined : words;
}

const surname = (name: string): string => name.trim().split(/\s+/).at(-1) ?? name;

/** Who the label is about: the interviewee, the first author, or the outlet of unsigned work. */
function leadOf(a: Article): string | undefined {
  if (a.interviewee !== undefined) return surname(a.interviewee);
  const first = a.authors[0];
  if (first !== undefined) return a.organizations?.includes(first) ? first : surname(first);
  return a.outlet;
}

/** The labels an article may take, from the shortest; the last one is unique by its id. */
export function labelCandidates(a: Article): string[] {
  const lead = leadOf(a);
  const year = a.date?.slice(0, 4);
  const words = titleWords(a);
  const candidates: (string | undefined)[] = [];
  if (lead !== undefined) {
    const outlet = a.outlet !== undefined && a.outlet !== lead ? a.outlet : undefined;
    const named = (...extra: (string | undefined)[]): string => {
      const inner = extra.filter((x) => x !== undefined).join(', ');
      return inner === '' ? lead : `${lead} (${inner})`;
    };
    candidates.push(named(outlet), named(outlet, year), words && `${lead}: ${words}`, named(a.id));
  } else {
    const name = words ?? a.id;
    candidates.push(name, year && `${name} (${year})`, `${name} (${a.id})`);
  }
  const seen = new Set<string>();
  return candidates.filter((c): c is string => {
    if (c === undefined || seen.has(labelKey(c))) return false;
    seen.add(labelKey(c));
    return true;
  });
}

/**
 * A label for every article (by id), unique among them where that can be done: an article with an
 * editor's `short` keeps it; the others start from their shortest label and move to the next one
 * while another article has the same.
 */
export function uniqueLabels(
  articles: readonly Article[],
  explicit: ReadonlyMap<string, string>,
): Map<string, string> {
  const taken = new Set([...explicit.values()].map(labelKey));
  const auto = articles
    .filter((a) => !explicit.has(a.id))
    .map((a) => ({ id: a.id, candidates: labelCandidates(a), level: 0 }));
  const labelOf = (x: (typeof auto)[number]): string =>
    x.candidates[Math.min(x.level, x.candidates.length - 1)] ?? x.id;
  for (let moved = true; moved;) {
    moved = false;
    const byLabel = new Map<string, (typeof auto)[number][]>();
    for (const x of auto) {
      const key = labelKey(labelOf(x));
      byLabel.set(key, [...(byLabel.get(key) ?? []), x]);
    }
    for (const [key, same] of byLabel) {
      if (same.length < 2 && !taken.has(key)) continue;
      for (const x of same) {
        if (x.level >= x.candidates.length - 1) continue;
        x.level += 1;
        moved = true;
      }
    }
  }
  const labels = new Map(explicit);
  for (const x of auto) labels.set(x.id, labelOf(x));
  return labels;
}

/** Compact labels already worked out, per list of articles (content is immutable once loaded). */
const compactByArticles = new WeakMap<readonly object[], ReadonlyMap<string, string>>();

/**
 * The label without its parenthesis ("Sumner" for "Sumner (Daily Kos)") where no other article's
 * label has the same first part, for tight spaces such as autocomplete lines; the whole label
 * otherwise, so that it still tells the articles apart. Worked out once per list of articles, not
 * at every keystroke of an autocomplete.
 */
export function compactLabels(
  articles: readonly Pick<Article, 'id' | 'short'>[],
): ReadonlyMap<string, string> {
  const known = compactByArticles.get(articles);
  if (known) return known;
  const head = (short: string) => short.split(' (')[0] ?? short;
  const count = new Map<string, number>();
  for (const a of articles) {
    const key = labelKey(head(a.short));
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const labels = new Map(
    articles.map((a) => [a.id, count.get(labelKey(head(a.short))) === 1 ? head(a.short) : a.short]),
  );
  compactByArticles.set(articles, labels);
  return labels;
}
