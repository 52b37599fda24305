/** /quote answers: one passage at a time, with buttons to page, see context, share and cite. */
import { ButtonStyle } from 'discord-api-types/v10';
import { button, row } from './components.js';
import type { Core } from '../core/index.js';
import { articleName, snippet } from '../core/present.js';
import { parseQuery, searchPassages, type SearchHit } from '../core/search/index.js';
import { encodeId, packUser } from './custom-id.js';
import { clip } from './graphemes.js';
import { finalize, fitChoices, LIMITS, truncate, type Choice, type Payload } from './limits.js';
import { echo } from './markdown.js';
import { citationEmbed, contextEmbeds, passageEmbed, sourceWordingEmbed } from './passage.js';
import { passageContext } from '../core/context.js';

/** How many matches ◀ ▶ can step through. */
export const MAX_RESULTS = 25;
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

export interface QuoteRequest {
  readonly query: string;
  readonly articleId?: string;
  /** Post for everyone instead of privately. */
  readonly public: boolean;
  /** The user who ran the command: only they can page. */
  readonly owner: string;
  /** Which match to show, from 0. */
  readonly index?: number;
}

/** The user-facing message when a query has nothing to search for or finds nothing. */
export function noMatch(query: string): Payload {
  const words = parseQuery(query).terms.length > 0 || /[\p{L}\p{N}]/u.test(query);
  return finalize({
    ephemeral: true,
    content: words
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

/** Splits a query into a picked passage id (when it starts with a known one) and the rest. */
export function parsePick(core: Core, query: string): { passageId?: string; rest: string } {
  const m = /^\s*(\S+#\d+)(?:\s+([\s\S]*))?$/.exec(query);
  const id = m?.[1];
  if (id === undefined || !core.index.passages.has(id)) return { rest: query };
  return { passageId: id, rest: m?.[2] ?? '' };
}

function findHits(
  core: Core,
  query: string,
  articleId: string | undefined,
): { hits: SearchHit[]; shown: string } {
  const options = { limit: MAX_RESULTS, ...(articleId !== undefined && { articleId }) };
  const { passageId, rest } = parsePick(core, query);
  const picked = passageId === undefined ? undefined : core.index.passages.get(passageId);
  if (!picked) return { hits: searchPassages(core.index, query, options), shown: query };
  const others = rest.trim() === '' ? [] : searchPassages(core.index, rest, options);
  const own = others.find((h) => h.passage.id === picked.id);
  const first: SearchHit = own ?? { passage: picked, score: 1, matched: [], queryTerms: [] };
  return { hits: [first, ...others.filter((h) => h !== own)].slice(0, MAX_RESULTS), shown: rest };
}

export function quoteAnswer(core: Core, req: QuoteRequest): Payload {
  const { hits, shown } = findHits(core, req.query, req.articleId);
  if (hits.length === 0) return noMatch(req.query);
  const index = Math.min(Math.max(0, req.index ?? 0), hits.length - 1);
  const hit = hits[index] as SearchHit;
  const article = core.content.articleById.get(hit.passage.articleId);
  if (!article) return noMatch(req.query);
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
  const rows = [
    row(
      index > 0 ? button(page(index - 1), '◀') : button('quote|noop|prev', '◀', { disabled: true }),
      index < hits.length - 1
        ? button(page(index + 1), '▶')
        : button('quote|noop|next', '▶', { disabled: true }),
      button(encodeId('quote', 'ctx', hit.passage.id), 'Context'),
      button(encodeId('quote', 'share', hit.passage.id), 'Share', { style: ButtonStyle.Primary }),
      button(encodeId('quote', 'cite', hit.passage.id), 'Cite'),
    ),
    // Only a corrected passage reads differently from its copy.
    ...(hit.passage.display !== hit.passage.text
      ? [row(button(encodeId('quote', 'source', hit.passage.id), 'Source wording'))]
      : []),
  ];
  // A passage picked with nothing else to page through needs no header.
  const header =
    shown.trim() === '' ? '' : `Match ${index + 1} of ${hits.length} for “${echo(shown, MAX_QUERY_LENGTH)}”`;
  return finalize({
    ephemeral: !req.public,
    ...(header && { content: header }),
    embeds: [passageEmbed(article, hit.passage, hit.matched)],
    components: rows,
  });
}

export function contextAnswer(core: Core, passageId: string): Payload | null {
  const ctx = passageContext(core.content, passageId, 1);
  const article = ctx && core.content.articleById.get(ctx.passage.articleId);
  if (!ctx || !article) return null;
  return finalize({ ephemeral: true, embeds: contextEmbeds(article, ctx) });
}

export function citeAnswer(core: Core, passageId: string): Payload | null {
  const passage = core.content.passages.get(passageId);
  const article = passage && core.content.articleById.get(passage.articleId);
  if (!passage || !article) return null;
  return finalize({ ephemeral: true, embeds: [citationEmbed(article, passage)] });
}

/** The line above a passage shown as the copy has it. */
export const SOURCE_WORDING_LINE =
  'Source wording: this passage exactly as the copy of the article has it, without the editor’s corrections.';

/** The passage as the copy has it, privately: what the brackets of the answer replaced. */
export function sourceWordingAnswer(core: Core, passageId: string): Payload | null {
  const passage = core.content.passages.get(passageId);
  const article = passage && core.content.articleById.get(passage.articleId);
  if (!passage || !article) return null;
  return finalize({
    ephemeral: true,
    content: SOURCE_WORDING_LINE,
    embeds: [sourceWordingEmbed(article, passage)],
  });
}

/** Posted to the channel for everyone: "Shared by @user", without pinging anyone. */
export function shareAnswer(core: Core, passageId: string, userId: string): Payload | null {
  const passage = core.content.passages.get(passageId);
  const article = passage && core.content.articleById.get(passage.articleId);
  if (!passage || !article) return null;
  return finalize({
    ephemeral: false,
    content: `Shared by <@${userId}>`,
    embeds: [passageEmbed(article, passage)],
    components: [row(button(encodeId('quote', 'cite', passage.id), 'Cite'))],
  });
}

/** Autocomplete for the query: a snippet showing the matched words, with article and paragraph. */
export function quoteChoices(core: Core, typed: string, articleId?: string): Choice[] {
  const short = (id: string) => core.content.articleById.get(id)?.short.split(' (')[0] ?? id;
  if (typed.trim() === '') {
    // Good starting points: each topic's first pinned passage.
    const starts = core.content.topics
      .map((t) =>
        t.pinned
          .map((id) => core.content.passages.get(id))
          .find((p) => p && (!articleId || p.articleId === articleId)),
      )
      .filter((p) => p !== undefined);
    return fitChoices(
      starts.map((p) => ({
        name: `${short(p.articleId)} ¶${p.paragraph}: ${snippet(p.display, [], 70)}`,
        value: p.id,
      })),
    );
  }
  const hits = searchPassages(core.index, typed, { limit: LIMITS.choices, ...(articleId && { articleId }) });
  return fitChoices(
    hits.map((h) => {
      const label = `${short(h.passage.articleId)} ¶${h.passage.paragraph}: `;
      return {
        name: label + snippet(h.passage.display, h.matched, LIMITS.choiceName - label.length),
        value: pickValue(h.passage.id, typed),
      };
    }),
  );
}

/** Autocomplete for the article option. */
export function articleChoices(core: Core, typed: string): Choice[] {
  const q = typed.trim().toLowerCase();
  return fitChoices(
    core.content.articles
      .filter((a) => q === '' || `${a.id} ${a.short} ${articleName(a)}`.toLowerCase().includes(q))
      .map((a) => ({ name: truncate(`${a.short} — ${articleName(a)}`, LIMITS.choiceName), value: a.id })),
  );
}
