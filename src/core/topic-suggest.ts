/**
 * Topic suggestions (`npm run content:topics`): subjects that several articles share, found from
 * the words they have in common. No prose is generated: a suggestion is a list of words and phrases
 * as they appear in the articles, and the passages that /compare shows for them.
 *
 * 1. Every passage is read into terms: words (stemmed, stop words and filler words left out) and
 *    two-word phrases of adjacent such words.
 * 2. A term is a candidate when it occurs in at least `minArticles` articles and in at most
 *    {@link MAX_PASSAGE_SHARE} of all passages (a word everything uses names no topic). Candidates
 *    are weighted by TF-IDF over passages, times the number of articles that use them.
 * 3. Topics grow from the best candidates: a term joins a topic when most of its passages lie
 *    within a paragraph of the topic's passages, in at least `minArticles` articles.
 * 4. Each topic is run through {@link compare}, exactly as /compare runs a curated topic: the
 *    articles it reports as addressing the topic are the suggestion's. A topic that fewer than
 *    `minArticles` articles address, or whose passages are mostly those of a topic already in
 *    topics.yaml (or of a better suggestion), is left out. Terms of topics.yaml are never proposed.
 */
import { createRequire } from 'node:module';
import type { Content, Passage, Topic } from '../content/types.js';
import { compare } from './compare.js';
import { clip } from './graphemes.js';
import type { Library } from './index.js';
import { matchesTerm } from './search/index.js';
import { foldTypography, normalizeWord, stem, words } from './text.js';

/** A term used in more than this share of the passages is too common to name a topic. */
export const MAX_PASSAGE_SHARE = 0.25;
/** Terms per suggestion: at least, at most (the topics guide asks for 3 to 8). */
export const MIN_TERMS = 3;
export const MAX_TERMS = 8;
/** A suggestion whose passages are this much another topic's is that topic again. */
const SAME_TOPIC_SHARE = 0.5;
/** A term joins a topic when this share of its passages is near the topic's. */
const NEAR_SHARE = 0.5;
/** …and that share must be this many times what chance would give (the neighbourhood's share). */
const MIN_LIFT = 2;
/** Pinned passages per article (topics.yaml allows 2; the best one is suggested). */
const PINS_PER_ARTICLE = 1;
/** Longest excerpt, in characters. */
const EXCERPT_CHARS = 80;
export const DEFAULT_MAX_SUGGESTIONS = 10;
export const DEFAULT_MIN_ARTICLES = 2;

/**
 * Words that name no subject. The search's own stop words keep negations and many common words;
 * a topic needs fewer: stopwords-iso's English list (about 1,300 words: "said", "seems", "within",
 * "making" …), plus a few it lacks, and the words of dates.
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  ...(createRequire(import.meta.url)('stopwords-iso') as { en: string[] }).en.map((w) => w.replace(/'/g, '')),
  ...'told dr lot yeah okay time times people week weeks month months day days today tonight'.split(' '),
  ...'january february march april june july august september october november december'.split(' '),
  ...'monday tuesday wednesday thursday friday saturday sunday'.split(' '),
]);

export interface SuggestedPassage {
  readonly passageId: string;
  /** A short piece of the passage's own wording, around a matched word. */
  readonly excerpt: string;
}

export interface ArticleSuggestion {
  readonly articleId: string;
  /** Most relevant first, as /compare orders them. */
  readonly passages: readonly SuggestedPassage[];
}

export interface TopicSuggestion {
  /** A slug from the top terms, unique among topics.yaml and the other suggestions. */
  readonly id: string;
  /** The top terms, e.g. "Steel imports / tariffs". */
  readonly title: string;
  /** Words and phrases as the articles write them, best first. */
  readonly terms: readonly string[];
  /** The best passage of each article that addresses the topic. */
  readonly pinned: readonly string[];
  readonly addressedBy: readonly ArticleSuggestion[];
  readonly notAddressedBy: readonly string[];
}

export interface SuggestOptions {
  /** Most suggestions. Default {@link DEFAULT_MAX_SUGGESTIONS}. */
  readonly max?: number;
  /** Articles a topic must be addressed by. Default {@link DEFAULT_MIN_ARTICLES}. */
  readonly minArticles?: number;
}

/** A word or two-word phrase, with where it occurs. */
interface Term {
  /** Its stems, space-separated. */
  readonly key: string;
  readonly stems: readonly string[];
  /** How it is written, with how often. */
  readonly forms: Map<string, number>;
  readonly passages: Set<string>;
  readonly articles: Set<string>;
  count: number;
  score: number;
}

/** The stem of a word that can belong to a topic, or null (stop word, filler, number, too short). */
function topicStem(word: string): string | null {
  const n = normalizeWord(word);
  if (n === null || n.length < 3 || /^\p{N}+$/u.test(n) || GENERIC_WORDS.has(n)) return null;
  return stem(n);
}

/** Every term of every passage. */
function collectTerms(passages: readonly Passage[]): Map<string, Term> {
  const terms = new Map<string, Term>();
  const add = (stems: string[], form: string, p: Passage) => {
    const key = stems.join(' ');
    let t = terms.get(key);
    if (!t) {
      t = { key, stems, forms: new Map(), passages: new Set(), articles: new Set(), count: 0, score: 0 };
      terms.set(key, t);
    }
    const written = form.replace(/\s+/g, ' ');
    t.forms.set(written, (t.forms.get(written) ?? 0) + 1);
    t.passages.add(p.id);
    t.articles.add(p.articleId);
    t.count++;
  };
  for (const p of passages) {
    let prev: { stem: string; start: number; end: number } | undefined;
    for (const w of words(p.text)) {
      const s = topicStem(w.word);
      if (s === null) {
        prev = undefined;
        continue;
      }
      add([s], w.word, p);
      // A phrase is two adjacent words with only a space or a hyphen between them.
      if (prev && prev.stem !== s && /^[\s-]+$/.test(p.text.slice(prev.end, w.start)))
        add([prev.stem, s], p.text.slice(prev.start, w.end), p);
      prev = { stem: s, start: w.start, end: w.end };
    }
  }
  return terms;
}

/** How a term is best written: lower-case where the articles write it so, else as written. */
export function writtenForm(forms: ReadonlyMap<string, number>): string {
  const ranked = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const lower = ranked.find(([f]) => f === f.toLowerCase());
  return (lower ?? ranked[0])?.[0] ?? '';
}

/** Whether the articles write the term only capitalised, as a name ("Vladimir Putin", "Riyadh"). */
function properName(t: Term): boolean {
  return [...t.forms.keys()].every((f) => f !== f.toLowerCase());
}

/** Stems of topics.yaml's terms, one set per term. */
function curatedStems(topics: readonly Topic[]): Set<string>[] {
  return topics.flatMap((t) => t.terms.map((q) => new Set(words(q).flatMap((w) => topicStem(w.word) ?? []))));
}

/**
 * Candidates, best first: shared by enough articles, not too common, not already curated. A phrase
 * counts only when each of its words is rare enough on its own ("Donald Trump" names no topic in
 * articles about Trump).
 */
function candidates(content: Content, terms: Map<string, Term>, minArticles: number): Term[] {
  const total = content.passages.size;
  const curated = curatedStems(content.topics);
  const tooCommon = (t: Term | undefined) => t === undefined || t.passages.size > MAX_PASSAGE_SHARE * total;
  const out: Term[] = [];
  for (const t of terms.values()) {
    if (t.articles.size < minArticles || t.stems.some((s) => tooCommon(terms.get(s)))) continue;
    if (curated.some((c) => t.stems.every((s) => c.has(s)))) continue;
    const idf = Math.log(total / t.passages.size);
    const phraseBoost = t.stems.length > 1 ? 1.5 : 1;
    t.score = idf * (1 + Math.log(t.count)) * t.articles.size * phraseBoost;
    if (t.score > 0) out.push(t);
  }
  return out.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/** Passage ids within one paragraph of each given passage, in the same article. */
function neighbourhood(
  ids: Iterable<string>,
  neighbours: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const n of neighbours.get(id) ?? []) out.add(n);
  return out;
}

function neighbourMap(content: Content): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of content.articles)
    a.passages.forEach((p, i) =>
      out.set(
        p.id,
        a.passages.slice(Math.max(0, i - 1), i + 2).map((q) => q.id),
      ),
    );
  return out;
}

/**
 * Groups candidates into topics: each a seed and the terms that occur near it (within a paragraph)
 * in enough articles, much more often than chance would put them there.
 */
function clusters(content: Content, ranked: readonly Term[], minArticles: number): Term[][] {
  const neighbours = neighbourMap(content);
  const used = new Set<string>();
  const out: Term[][] = [];
  for (const seed of ranked) {
    // A topic starts from a word the articles also write in lower case (a name alone is no
    // subject) and that one of them comes back to (a word used once in passing is none either).
    if (used.has(seed.key) || properName(seed) || seed.count <= seed.articles.size) continue;
    const near = neighbourhood(seed.passages, neighbours);
    const chance = near.size / content.passages.size;
    const group = [seed];
    for (const t of ranked) {
      if (group.length >= MAX_TERMS) break;
      if (used.has(t.key) || t === seed) continue;
      // A term adds nothing when its words are all in the topic's terms already.
      if (t.stems.every((s) => group.some((g) => g.stems.includes(s)))) continue;
      const inside = [...t.passages].filter((id) => near.has(id));
      const share = inside.length / t.passages.size;
      const articles = new Set(inside.map((id) => content.passages.get(id)?.articleId));
      if (share >= NEAR_SHARE && share >= MIN_LIFT * chance && articles.size >= minArticles) group.push(t);
    }
    if (group.length < MIN_TERMS) continue;
    for (const t of group) used.add(t.key);
    out.push(group);
  }
  return out;
}

/** A lowercase slug of the words, at most 40 characters, cut between words. */
export function slugOf(text: string): string {
  const ascii = foldTypography(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= 40) return ascii;
  const cut = ascii.slice(0, 41);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/-+$/, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  const root = base === '' ? 'topic' : base;
  let id = root;
  for (let n = 2; taken.has(id); n++) id = `${root}-${n}`;
  taken.add(id);
  return id;
}

/** A short verbatim piece of the text around the first word that matched. */
export function excerptOf(text: string, matched: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const set = new Set(matched);
  const hit = words(flat).find((w) => matchesTerm(w.word, set));
  let start = Math.max(0, (hit?.start ?? 0) - 25);
  if (start > 0) start = flat.indexOf(' ', start - 1) + 1 || start;
  const rest = flat.slice(start);
  let piece = clip(rest, EXCERPT_CHARS);
  if (piece.length < rest.length && piece.lastIndexOf(' ') > EXCERPT_CHARS / 2)
    piece = piece.slice(0, piece.lastIndexOf(' '));
  return `${start > 0 ? '…' : ''}${piece}${piece.length < rest.length ? '…' : ''}`;
}

/** A slug and a title from the first term and the next one that shares no word with it. */
function naming(group: readonly Term[], terms: readonly string[]): { id: string; title: string } {
  const second = group.findIndex((t) => t.stems.every((s) => !group[0]?.stems.includes(s)));
  const first = terms[0] ?? '';
  const picked = [first, ...(second > 0 ? [terms[second] ?? ''] : [])];
  const title = [first.charAt(0).toUpperCase() + first.slice(1), ...picked.slice(1)].join(' / ');
  return { id: slugOf(picked.join(' ')), title: clip(title, 100) };
}

/** Passage ids each curated topic addresses, as /compare finds them. */
function addressedBy(library: Library, content: Content, topicId: string): Set<string> {
  const result = compare(content, library.index, topicId, { perArticle: Infinity });
  return new Set(result?.perspectives.flatMap((p) => p.passages.map((h) => h.passage.id)) ?? []);
}

/** Proposes topics that at least `minArticles` articles address, best first. */
export function suggestTopics(library: Library, options: SuggestOptions = {}): TopicSuggestion[] {
  const { content } = library;
  const max = Math.max(0, options.max ?? DEFAULT_MAX_SUGGESTIONS);
  const minArticles = Math.max(2, options.minArticles ?? DEFAULT_MIN_ARTICLES);
  const groups = clusters(
    content,
    candidates(content, collectTerms([...content.passages.values()]), minArticles),
    minArticles,
  );
  const taken = new Set(content.topics.map((t) => t.id));
  const known = content.topics.map((t) => addressedBy(library, content, t.id));
  const out: TopicSuggestion[] = [];
  for (const group of groups) {
    if (out.length >= max) break;
    const terms = group.map((t) => writtenForm(t.forms));
    const { id, title } = naming(group, terms);
    const draft: Topic = {
      id: `suggested-${uniqueId(id, new Set(taken))}`,
      title,
      terms,
      pinned: [],
      prompts: [],
    };
    const withDraft = { ...content, topics: [draft, ...content.topics] };
    const result = compare(withDraft, library.index, draft.id, { perArticle: Infinity });
    if (!result) continue;
    const addressing = result.perspectives.filter((p) => p.passages.length > 0);
    if (addressing.length < minArticles) continue;
    const ids = addressing.flatMap((p) => p.passages.map((h) => h.passage.id));
    const sameAs = (other: ReadonlySet<string>) =>
      ids.filter((x) => other.has(x)).length >= SAME_TOPIC_SHARE * ids.length;
    if (known.some(sameAs)) continue;
    known.push(new Set(ids));
    out.push({
      id: uniqueId(id, taken),
      title,
      terms,
      pinned: addressing.flatMap((p) => p.passages.slice(0, PINS_PER_ARTICLE).map((h) => h.passage.id)),
      addressedBy: addressing.map((p) => ({
        articleId: p.article.id,
        passages: p.passages.map((h) => ({
          passageId: h.passage.id,
          excerpt: excerptOf(h.passage.text, h.matched),
        })),
      })),
      notAddressedBy: result.perspectives.filter((p) => p.passages.length === 0).map((p) => p.article.id),
    });
  }
  return out;
}
