/**
 * A core cut into small parts, to hand it from the reload worker to the main thread without a long
 * block on the main thread: every part is a message of its own, cheap to receive, and the main
 * thread puts them together in chunks that yield to answers in between ({@link LibraryAssembler}).
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Content, Passage } from '../content/types.js';
import type { Library } from './index.js';
import { countNameTerms, MINI_OPTIONS, type SearchIndex } from './search/index.js';
import { copyPhrasesOf } from './search/copy-wording.js';

/** Items per part: each part takes a few milliseconds at most to receive and to add. */
export const PASSAGES_PER_PART = 100;
export const TERMS_PER_PART = 500;
/** Most postings (passages that have a term, summed over the terms) per part of the index. */
export const POSTINGS_PER_PART = 5000;
export const FREQUENCIES_PER_PART = 500;

type PhraseForms = SearchIndex['phraseForms'] extends ReadonlyMap<string, infer F> ? F : never;
type ArticleHead = Omit<Article, 'passages'>;
type MiniHead = Omit<AsPlainObject, 'index'>;
type IndexEntry = AsPlainObject['index'][number];
/** Whatever else the content holds (topics, …), sent as it is. */
type ContentRest = Omit<Content, 'articles' | 'passages' | 'articleById'>;

export type LibraryPart =
  | { readonly kind: 'head'; readonly articles: ArticleHead[]; readonly rest: ContentRest }
  | { readonly kind: 'passages'; readonly items: [Passage, PhraseForms][] }
  | { readonly kind: 'mini'; readonly head: MiniHead }
  | { readonly kind: 'terms'; readonly items: IndexEntry[] }
  | { readonly kind: 'frequencies'; readonly items: [string, number][] };

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function articleHead(article: Article): ArticleHead {
  // The passages are sent apart, in parts.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { passages, ...head } = article;
  return head;
}

/** Terms of the index, cut by count and by postings: a common word alone has thousands. */
function* termSlices(terms: readonly IndexEntry[]): Generator<IndexEntry[]> {
  let slice: IndexEntry[] = [];
  let postings = 0;
  for (const entry of terms) {
    const [, fields] = entry;
    for (const field of Object.values(fields)) postings += Object.keys(field).length;
    slice.push(entry);
    if (slice.length >= TERMS_PER_PART || postings >= POSTINGS_PER_PART) {
      yield slice;
      slice = [];
      postings = 0;
    }
  }
  if (slice.length > 0) yield slice;
}

/** The parts of a core, in the order {@link LibraryAssembler} expects them. */
export function* libraryParts(core: Library): Generator<LibraryPart> {
  const { content, index } = core;
  // articleById is rebuilt from the articles on arrival.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { articles, passages, articleById, ...rest } = content;
  yield { kind: 'head', articles: articles.map(articleHead), rest };
  for (const slice of slices([...passages.values()], PASSAGES_PER_PART))
    yield { kind: 'passages', items: slice.map((p) => [p, index.phraseForms.get(p.id) as PhraseForms]) };
  const { index: terms, ...head } = index.mini.toJSON();
  yield { kind: 'mini', head };
  for (const items of termSlices(terms)) yield { kind: 'terms', items };
  for (const items of slices([...index.documentFrequency], FREQUENCIES_PER_PART))
    yield { kind: 'frequencies', items };
}

/** Puts a core together from its parts, on the main thread, in short steps. */
export class LibraryAssembler {
  private articles: ArticleHead[] = [];
  private rest: ContentRest | undefined;
  private readonly passages = new Map<string, Passage>();
  private readonly byArticle = new Map<string, Passage[]>();
  private readonly phraseForms = new Map<string, PhraseForms>();
  private miniHead: MiniHead | undefined;
  private readonly terms: IndexEntry[] = [];
  private readonly documentFrequency = new Map<string, number>();
  private readonly nameFrequency = new Map<string, number>();
  private readonly vocabulary = new SearchableMap<number>();

  /** Adds one part; cheap, so it runs as each message arrives. */
  add(part: LibraryPart): void {
    switch (part.kind) {
      case 'head':
        this.articles = part.articles;
        this.rest = part.rest;
        break;
      case 'passages':
        for (const [p, forms] of part.items) {
          this.passages.set(p.id, p);
          this.phraseForms.set(p.id, forms);
          countNameTerms(this.nameFrequency, p);
          const list = this.byArticle.get(p.articleId) ?? [];
          list.push(p);
          this.byArticle.set(p.articleId, list);
        }
        break;
      case 'mini':
        this.miniHead = part.head;
        break;
      case 'terms':
        for (const entry of part.items) this.terms.push(entry);
        break;
      case 'frequencies':
        for (const [term, n] of part.items) {
          this.documentFrequency.set(term, n);
          this.vocabulary.set(term, n);
        }
        break;
    }
  }

  /** The core, once every part has been added. MiniSearch restores its index in steps that yield. */
  async finish(): Promise<Library> {
    if (!this.miniHead || !this.rest) throw new Error('the reload worker sent an incomplete core');
    const mini = await MiniSearch.loadJSAsync({ ...this.miniHead, index: this.terms }, MINI_OPTIONS);
    const articles: Article[] = this.articles.map((a) => ({
      ...a,
      passages: this.byArticle.get(a.id) ?? [],
    }));
    const content: Content = {
      ...this.rest,
      articles,
      passages: this.passages,
      articleById: new Map(articles.map((a) => [a.id, a])),
    };
    const index: SearchIndex = {
      mini,
      passages: this.passages,
      phraseForms: this.phraseForms,
      documentFrequency: this.documentFrequency,
      nameFrequency: this.nameFrequency,
      vocabulary: this.vocabulary,
      copyPhrases: copyPhrasesOf(this.passages.values(), articles),
    };
    return { content, index };
  }
}
