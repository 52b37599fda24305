/** /quote answers: one passage at a time, with buttons to page, see context, share and cite. */
import { ButtonStyle } from 'discord-api-types/v10';
import { button, row } from './components.js';
import type { Article, Content } from '../content/types.js';
import type { PassageContext } from '../core/context.js';
import { articleName, snippet } from '../core/reader-text.js';
import type { PassageInArticle, QuoteResult } from '../core/quote.js';
import type { SearchHit } from '../core/search/index.js';
import { encodeId, packUser } from './custom-id.js';
import { clip } from '../core/graphemes.js';
import { LIMITS } from './discord-limits.js';
import { finalize, fitChoices, truncate, type Choice, type Payload } from './payload.js';
import { echo } from './markdown.js';
import { citationEmbed, contextEmbeds, passageEmbed, sourceWordingEmbed } from './passage.js';

type QuoteFound = Extract<QuoteResult, { found: true }>;
/** Longest /quote query (the option's max length): the answer's header holds all of it. */
export const MAX_QUERY_LENGTH = 100;

/**
 * The query as shown in an answer's header ("Match 2 of 9 for “…”"). A button's custom_id has room
 * for only part of a long query, so paging reads the whole query back from the message itself.
 */
export function queryFromHeader(content: string | null | undefined): string | undefined {
  const m = /^Match \d+ of \d+ for “([\s\S]*)”$/.exec(content ?? '');
  return m?.[1]?.replace(/\\(.)/g, '$1').replace(/@\u200B/g, '@');
}

/** How the answer is shown: the query's own words, not what was found (see src/core/quote.ts). */
export interface QuoteRequest {
  readonly query: string;
  readonly articleId?: string;
  /** Post for everyone instead of privately. */
  readonly public: boolean;
  /** The user who ran the command: only they can page. */
  readonly owner: string;
}

/** The user-facing message when a query has nothing to search for or finds nothing. */
function noMatch(query: string, hasWords: boolean): Payload {
  return finalize({
    ephemeral: true,
    content: hasWords
      ? `No passage matches “${echo(query)}”. Try fewer or different words, or /compare for a topic.`
      : 'Type some words to search for, e.g. `/quote query: ammunition, not a ride`.',
  });
}

/**
 * An autocomplete value: the picked passage's id, then what was typed. Picking a suggestion shows
 * that exact passage first, and ▶ goes on through the other matches of what was typed.
 */
export function pickValue(passageId: string, typed: string): string {
  return clip(`${passageId} ${typed.replace(/\s+/g, ' ').trim()}`, LIMITS.choiceValue).trimEnd();
}

/** ◀ ▶ Context Share Cite, and Source wording for a corrected passage. */
function quoteButtons(found: QuoteFound, req: QuoteRequest): Payload['components'] {
  const { hit, index, total } = found;
  const page = (i: number) =>
    encodeId(
      'quote',
      'page',
      packUser(req.owner),
      String(i),
      req.articleId ?? '',
      req.public ? '1' : '0',
      req.query,
    );
  const off = (side: string) =>
    button(encodeId('quote', 'noop', side), side === 'prev' ? '◀' : '▶', { disabled: true });
  return [
    row(
      index > 0 ? button(page(index - 1), '◀') : off('prev'),
      index < total - 1 ? button(page(index + 1), '▶') : off('next'),
      button(encodeId('quote', 'ctx', hit.passage.id), 'Context'),
      button(encodeId('quote', 'share', hit.passage.id), 'Share', { style: ButtonStyle.Primary }),
      button(encodeId('quote', 'cite', hit.passage.id), 'Cite'),
    ),
    // Only a corrected passage reads differently from its copy.
    ...(hit.passage.display !== hit.passage.text
      ? [row(button(encodeId('quote', 'source', hit.passage.id), 'Source wording'))]
      : []),
  ];
}

/** One match of a /quote answer, with its buttons; or what to try when nothing matched. */
export function quoteAnswer(result: QuoteResult, req: QuoteRequest): Payload {
  if (!result.found) return noMatch(result.query, result.hasWords);
  const { hit, article, index, total, shown } = result;
  // A passage picked with nothing else to page through needs no header.
  const header =
    shown.trim() === '' ? '' : `Match ${index + 1} of ${total} for “${echo(shown, MAX_QUERY_LENGTH)}”`;
  return finalize({
    ephemeral: !req.public,
    ...(header && { content: header }),
    embeds: [passageEmbed(article, hit.passage, hit.matched)],
    components: quoteButtons(result, req),
  });
}

/** The paragraphs around a passage, privately. */
export function contextAnswer(article: Article, context: PassageContext): Payload {
  return finalize({ ephemeral: true, embeds: contextEmbeds(article, context) });
}

/** The passage's citations, privately. */
export function citeAnswer({ article, passage }: PassageInArticle): Payload {
  return finalize({ ephemeral: true, embeds: [citationEmbed(article, passage)] });
}

/** The line above a passage shown as the copy has it. */
export const SOURCE_WORDING_LINE =
  'Source wording: this passage exactly as the copy of the article has it, without the editor’s corrections.';

/** The passage as the copy has it, privately: what the brackets of the answer replaced. */
export function sourceWordingAnswer({ article, passage }: PassageInArticle): Payload {
  return finalize({
    ephemeral: true,
    content: SOURCE_WORDING_LINE,
    embeds: [sourceWordingEmbed(article, passage)],
  });
}

/** Posted to the channel for everyone: "Shared by @user", without pinging anyone. */
export function shareAnswer({ article, passage }: PassageInArticle, userId: string): Payload {
  return finalize({
    ephemeral: false,
    content: `Shared by <@${userId}>`,
    embeds: [passageEmbed(article, passage)],
    components: [row(button(encodeId('quote', 'cite', passage.id), 'Cite'))],
  });
}

/**
 * Autocomplete for the query: a snippet showing the matched words, with article and paragraph.
 * `suggestions` come from the core's suggestPassages; with nothing typed they are starting points.
 */
export function quoteChoices(content: Content, suggestions: readonly SearchHit[], typed: string): Choice[] {
  const short = (id: string) => content.articleById.get(id)?.short ?? id;
  if (typed.trim() === '') {
    return fitChoices(
      suggestions.map(({ passage: p }) => ({
        name: `${short(p.articleId)} ¶${p.paragraph}: ${snippet(p.display, [], 70)}`,
        value: p.id,
      })),
    );
  }
  return fitChoices(
    suggestions.map((h) => {
      const label = `${short(h.passage.articleId)} ¶${h.passage.paragraph}: `;
      return {
        name: label + snippet(h.passage.display, h.matched, LIMITS.choiceName - label.length),
        value: pickValue(h.passage.id, typed),
      };
    }),
  );
}

/** Autocomplete for the article option, from the core's matchArticles. */
export function articleChoices(articles: readonly Article[]): Choice[] {
  return fitChoices(
    articles.map((a) => ({
      name: truncate(`${a.short} — ${articleName(a)}`, LIMITS.choiceName),
      value: a.id,
    })),
  );
}
