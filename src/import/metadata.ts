/**
 * A web page's facts about itself: its meta tags (Open Graph, `article:*`, `author`, `description`),
 * its canonical link, and its JSON-LD (schema.org). Only what the page states; never a guess.
 */
import type { DomDocument } from '../content/source-text.js';
import { collapse, type DraftMeta } from './draft.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = Record<string, Json>;

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const asList = (v: Json | undefined): Json[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

const types = (item: JsonObject): string[] =>
  asList(item['@type']).filter((t): t is string => typeof t === 'string');

/** Every JSON-LD object on the page, `@graph` members included. Broken JSON is skipped. */
function jsonLdItems(document: DomDocument): JsonObject[] {
  const out: JsonObject[] = [];
  const add = (value: Json): void => {
    for (const item of asList(value)) {
      if (!isObject(item)) continue;
      out.push(item);
      if (item['@graph'] !== undefined) add(item['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      add(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // A page's broken JSON-LD says nothing.
    }
  }
  return out;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Report|Review|Posting)$/;

/** The page's own article object in its JSON-LD, if it has one. */
function articleItem(items: readonly JsonObject[]): JsonObject | undefined {
  return items.find((i) => types(i).some((t) => ARTICLE_TYPE.test(t)));
}

const textOf = (v: Json | undefined): string | undefined => {
  if (typeof v === 'string') return collapse(v) || undefined;
  if (isObject(v)) return textOf(v.name);
  return undefined;
};

function meta(document: DomDocument, ...names: string[]): string | undefined {
  for (const name of names) {
    const el =
      document.querySelector(`meta[property="${name}"]`) ?? document.querySelector(`meta[name="${name}"]`);
    const content = el?.getAttribute('content');
    if (content && collapse(content) !== '') return collapse(content);
  }
  return undefined;
}

/** schema.org types and what `kind` they mean. */
const KIND_OF_TYPE: Readonly<Record<string, string>> = {
  OpinionNewsArticle: 'opinion',
  ReviewNewsArticle: 'opinion',
  Review: 'opinion',
  AnalysisNewsArticle: 'analysis',
  BackgroundNewsArticle: 'analysis',
  ReportageNewsArticle: 'news',
  NewsArticle: 'news',
  Report: 'report',
  LiveBlogPosting: 'news',
};

/** `2025-02-19T10:00:00-05:00` → `2025-02-19`, as written (the publisher's own day). */
export function dayOf(value: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const t = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === day ? day : undefined;
}

/** An absolute http(s) address, resolved against the page's own address. */
function httpUrl(value: string | null | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A meta `author` is sometimes a profile address, not a name. */
const looksLikeName = (s: string): boolean => !/^https?:|\/|@/.test(s) && s.length <= 80;

/** "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; "By Jane Doe, Reuters" keeps the byline's names. */
export function bylineNames(byline: string): string[] {
  const text = collapse(byline)
    .replace(/^(?:written\s+)?by\s+/i, '')
    .replace(/\s*[|•·—–-]\s*(?:updated|published|posted)\b.*$/i, '');
  return text
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter((s) => /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(s));
}

interface Authors {
  people: string[];
  organisation?: string;
}

function jsonLdAuthors(item: JsonObject | undefined): Authors {
  const people: string[] = [];
  let organisation: string | undefined;
  for (const a of asList(item?.author)) {
    const name = textOf(a);
    if (!name) continue;
    if (isObject(a) && types(a).includes('Organization')) organisation ??= name;
    else if (looksLikeName(name)) people.push(name);
  }
  return { people, ...(organisation !== undefined && { organisation }) };
}

/**
 * The page's facts. `pageUrl` is where it was fetched from (absent for a saved file); `byline` is
 * Readability's byline. Problems go to `uncertain`.
 */
export function pageMeta(
  document: DomDocument,
  pageUrl: string | undefined,
  byline: string | undefined,
  uncertain: string[],
): DraftMeta {
  const item = articleItem(jsonLdItems(document));
  const title =
    meta(document, 'og:title') ??
    textOf(item?.headline) ??
    (collapse(document.querySelector('title')?.textContent ?? '') || undefined);
  const fromLd = jsonLdAuthors(item);
  const metaAuthor = meta(document, 'author', 'article:author', 'byl');
  const people =
    fromLd.people.length > 0
      ? fromLd.people
      : metaAuthor && looksLikeName(metaAuthor)
        ? bylineNames(metaAuthor).length > 0
          ? bylineNames(metaAuthor)
          : [metaAuthor]
        : byline
          ? bylineNames(byline)
          : [];
  if (byline && people.length === 0 && !fromLd.organisation)
    uncertain.push(`the byline "${collapse(byline)}" names no person clearly: authors left out`);
  const published = meta(document, 'article:published_time', 'datePublished') ?? textOf(item?.datePublished);
  const date = dayOf(published);
  if (published && !date) uncertain.push(`the publication date "${published}" is not a full date: left out`);
  const type = item ? types(item).find((t) => KIND_OF_TYPE[t] !== undefined) : undefined;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url =
    httpUrl(canonical, pageUrl) ?? httpUrl(meta(document, 'og:url'), pageUrl) ?? httpUrl(pageUrl, undefined);
  const outlet = meta(document, 'og:site_name') ?? textOf(item?.publisher);
  const summary = meta(document, 'og:description', 'description') ?? textOf(item?.description);
  return {
    ...(title !== undefined && { title }),
    authors: [...new Set(people)],
    ...(fromLd.organisation !== undefined && { organisation: fromLd.organisation }),
    ...(date !== undefined && { date }),
    ...(outlet !== undefined && { outlet }),
    ...(url !== undefined && { url }),
    ...(summary !== undefined && { summary }),
    ...(type !== undefined && { kind: KIND_OF_TYPE[type] }),
    ...(byline !== undefined && { byline: collapse(byline) }),
  };
}
