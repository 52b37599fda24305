/** /quote answers: one passage at a time, with buttons to page, see context, share and cite. */
import { ButtonStyle } from 'discord-api-types/v10';
import { button, row } from './components.js';
import type { Article, Content } from '../content/types.js';
import type { PassageContext } from '../core/context.js';
import { compactLabels } from '../content/labels.js';
import { articleName, quotedWords, snippet, voiceTag } from '../core/reader-text.js';
import type { PassageInArticle, QuoteResult, SpeakerLookup } from '../core/quote.js';
import type { Person, SearchHit } from '../core/search/index.js';
import { encodeId, packUser } from './custom-id.js';
import { clip } from '../core/graphemes.js';
import { LIMITS } from './discord-limits.js';
import { finalize, fitChoices, privateNotice, truncate, type Choice, type Payload } from './payload.js';
import { echo } from './markdown.js';
import { citationEmbed, contextEmbeds, passageEmbed, sourceWordingEmbed } from './passage.js';

type QuoteFound = Extract<QuoteResult, { found: true }>;
/** Longest /quote query (the option's max length): the answer's header holds all of it. */
export const MAX_QUERY_LENGTH = 100;

const HEADER = /^Match \d+ of \d+(?: for “([\s\S]*)”)?(?:(?:,|:) words of ([\s\S]+))?$/;
const unecho = (text: string) => text.replace(/\\(.)/g, '$1').replace(/@\u200B/g, '@');

/**
 * The query as shown in an answer's header ("Match 2 of 9 for “…”"), empty when the answer is a
 * person's words alone. A button's custom_id has room for only part of a long query, so paging reads
 * the whole query back from the message itself.
 */
export function queryFromHeader(content: string | null | undefined): string | undefined {
  const m = HEADER.exec(content ?? '');
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return unecho(m[1] ?? '');
}

/** The person whose words an answer shows ("…, words of Volodymyr Zelenskyy"), read back for paging. */
export function speakerFromHeader(content: string | null | undefined): string | undefined {
  const m = HEADER.exec(content ?? '')?.[2];
  return m === undefined ? undefined : unecho(m);
}

/** Most characters of a speaker's name kept in a custom_id; paging reads the whole name from the header. */
const SPEAKER_IN_ID = 24;

/** How the answer is shown: the query's own words, not what was found (see src/core/quote.ts). */
export interface QuoteRequest {
  readonly query: string;
  readonly articleId?: string;
  /** Only this person's words (a name the core resolved: see resolveSpeaker). */
  readonly speaker?: string;
  /** Post for everyone instead of privately. */
  readonly public: boolean;
  /** The user who ran the command: only they can page. */
  readonly owner: string;
}

/** The user-facing message when a query has nothing to search for or finds nothing. */
function noMatch(query: string, hasWords: boolean, speaker?: string): Payload {
  return finalize({ ephemeral: true, content: noMatchText(query, hasWords, speaker) });
}

function noMatchText(query: string, hasWords: boolean, speaker?: string): string {
  if (!hasWords) return 'Type some words to search for, e.g. `/quote query: ammunition, not a ride`.';
  if (speaker === undefined)
    return `No passage matches “${echo(query)}”. Try fewer or different words, or /compare for a topic.`;
  // A speaker the core resolved has words somewhere: only the article chosen can leave none.
  if (query.trim() === '')
    return `No words of ${echo(speaker)} in that article. Leave \`article\` empty to search them all.`;
  return `No passage with the words of ${echo(speaker)} matches “${echo(query)}”. Try fewer or different words, or leave \`speaker\` empty.`;
}

/** A speaker no one in the articles is called: the names near it, privately. */
export function unknownSpeakerAnswer(lookup: Extract<SpeakerLookup, { found: false }>): Payload {
  const near = lookup.near.map((n) => echo(n)).join(', ');
  return privateNotice(
    `No one called “${echo(lookup.typed, 60)}” speaks or is quoted in the articles.` +
      (near === '' ? ' Pick a name from the list.' : ` Did you mean: ${near}? Pick a name from the list.`),
  );
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
      clip(req.speaker ?? '', SPEAKER_IN_ID),
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

/** "Match 2 of 9 for “gas”", with ", words of Name" when a speaker was chosen; none for a lone pick. */
function header(shown: string, index: number, total: number, speaker: string | undefined): string {
  const who = speaker === undefined || speaker.trim() === '' ? '' : `words of ${echo(speaker)}`;
  if (shown.trim() === '') return who === '' ? '' : `Match ${index + 1} of ${total}: ${who}`;
  const head = `Match ${index + 1} of ${total} for “${echo(shown, MAX_QUERY_LENGTH)}”`;
  return who === '' ? head : `${head}, ${who}`;
}

/** One match of a /quote answer, with its buttons; or what to try when nothing matched. */
export function quoteAnswer(result: QuoteResult, req: QuoteRequest): Payload {
  if (!result.found) return noMatch(result.query, result.hasWords, result.speaker);
  const { hit, article, index, total, shown } = result;
  // A passage picked with nothing else to page through needs no header.
  const content = header(shown, index, total, req.speaker);
  const quoted = quotedWords(article, hit.passage, hit.quoted ?? []);
  return finalize({
    ephemeral: !req.public,
    ...(content && { content }),
    embeds: [passageEmbed(article, hit.passage, hit.matched, quoted, hit.copyWording)],
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

/** Most characters of who is speaking on an autocomplete line; the rest is left for their words. */
const VOICE_IN_CHOICE = 36;
/** Most characters of a garbled phrase named on an autocomplete line. */
const COPY_IN_CHOICE = 24;

/**
 * Autocomplete for the query: a snippet showing the matched words, with article and paragraph, and
 * who is speaking when it is not simply the article's author; for a passage quoting the person
 * searched for, their words, credited to them; for a passage found by the copy's garbled wording
 * (see SearchHit.copyWording), that wording.
 * `suggestions` come from the core's suggestPassages; with nothing typed they are starting points.
 */
export function quoteChoices(content: Content, suggestions: readonly SearchHit[], typed: string): Choice[] {
  const labels = compactLabels(content.articles);
  const short = (id: string) => labels.get(id) ?? id;
  return fitChoices(
    suggestions.map((h) => {
      const p = h.passage;
      const article = content.articleById.get(p.articleId);
      const [quoted] = article ? quotedWords(article, p, h.quoted ?? []) : [];
      const voice = quoted ? undefined : voiceTag(p);
      const label = `${short(p.articleId)} ¶${p.paragraph}: ${voice ? `${truncate(voice, VOICE_IN_CHOICE)} — ` : ''}`;
      const copy = h.copyWording?.[0];
      const note = copy ? ` (copy: “${truncate(copy.from, COPY_IN_CHOICE)}”)` : '';
      const room = LIMITS.choiceName - label.length - note.length;
      const words = quoted
        ? `${quoted.speaker}: ${snippet(quoted.display, h.matched, 60)}`
        : snippet(p.display, h.matched, typed.trim() === '' ? Math.min(70, room) : room);
      return {
        name: truncate(label + truncate(words, Math.max(1, room)) + note, LIMITS.choiceName),
        value: typed.trim() === '' ? p.id : pickValue(p.id, typed),
      };
    }),
  );
}

/** Autocomplete for the speaker option: each person with how many passages hold their words. */
export function speakerChoices(people: readonly Person[]): Choice[] {
  return fitChoices(
    people.map((p) => {
      const count = `${p.passages} passage${p.passages === 1 ? '' : 's'}`;
      const quoted =
        p.quotedIn === 0 ? '' : p.quotedIn === p.passages ? ', quoted' : `, ${p.quotedIn} quoted`;
      return {
        name: truncate(`${p.name} — ${count}${quoted}`, LIMITS.choiceName),
        value: clip(p.name, LIMITS.choiceValue),
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
