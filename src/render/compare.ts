/** /compare payloads: one block per article, stacked so they read well on phones, on pages. */
import { ButtonStyle, type APIEmbed } from 'discord-api-types/v10';
import { button, row, type Row } from './components.js';
import type { Topic } from '../content/types.js';
import type { Comparison, Perspective } from '../core/compare.js';
import { copyWordingLine, highlight, speakerLine } from '../core/reader-text.js';
import { encodeId } from './custom-id.js';
import { LIMITS } from './discord-limits.js';
import {
  embedLength,
  finalize,
  splitEmbed,
  fitChoices,
  truncate,
  type Choice,
  type Payload,
} from './payload.js';
import { boldMatches, echo, escapeMarkdown } from './markdown.js';
import { articleColor } from './passage.js';

/** One article's block: label, best passages with paragraph numbers, or a plain "does not address". */
export function perspectiveEmbed(p: Perspective, title: string): APIEmbed {
  const a = p.article;
  const body =
    p.passages.length === 0
      ? `*This article does not address “${echo(title)}”.*`
      : p.passages
          .map((h) => {
            const who = speakerLine(h.passage);
            const copy = (h.copyWording ?? [])
              .map((c) => `\n*${escapeMarkdown(copyWordingLine(c))}*`)
              .join('');
            return `**¶${h.passage.paragraph}** · ${escapeMarkdown(who)}\n> ${boldMatches(highlight(h.passage.display, h.matched))}${copy}`;
          })
          .join('\n\n');
  return {
    color: articleColor(a.id),
    author: { name: a.short },
    title: truncate(p.label, LIMITS.embedTitle),
    ...(a.url !== undefined && { url: a.url }),
    description: body,
    ...(a.notice && { fields: [{ name: 'Note', value: escapeMarkdown(a.notice) }] }),
    footer: {
      text:
        p.passages.length > 0 ? p.passages.map((h) => h.passage.id).join(' · ') : `${a.id}: not addressed`,
    },
  };
}

/** One page of a comparison: whole article blocks, never a block cut in two. */
export type ComparePage = readonly Perspective[];

/** Embed characters per page: Discord's total, less the room finalize keeps for a "not shown" note. */
const PAGE_BUDGET = LIMITS.embedTotal - 80;

/**
 * The comparison's article blocks on pages, most relevant first: as many whole blocks per page as
 * fit one message (10 embeds, 6,000 embed characters). A block too big for a page alone still gets
 * its own page (finalize then fits its text). Every addressing article is on exactly one page.
 */
export function comparePages(c: Comparison): ComparePage[] {
  const pages: Perspective[][] = [];
  let current: Perspective[] = [];
  let used = 0;
  let embeds = 0;
  for (const p of c.addressing) {
    // Measured as finalize sends it: a long description becomes several embeds.
    const parts = splitEmbed(perspectiveEmbed(p, c.title));
    const size = parts.reduce((n, e) => n + embedLength(e), 0);
    if (current.length > 0 && (embeds + parts.length > LIMITS.embeds || used + size > PAGE_BUDGET)) {
      pages.push(current);
      current = [];
      used = 0;
      embeds = 0;
    }
    current.push(p);
    used += size;
    embeds += parts.length;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/**
 * A short fingerprint of how the comparison is paged (which articles on which page), so a page
 * button from before the content changed is recognised as stale rather than showing a shifted page.
 */
export function pagesFingerprint(pages: readonly ComparePage[]): string {
  const layout = pages.map((page) => page.map((p) => p.article.id).join(',')).join('/');
  let hash = 0x811c9dc5;
  for (let k = 0; k < layout.length; k++) {
    hash ^= layout.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export const STALE_PAGE = 'Those page buttons are out of date (the articles changed). Run /compare again.';

/** Where a page button points: the page, and what the comparison looked like when it was made. */
export interface PageRef {
  readonly page: number;
  readonly pageCount: number;
  readonly fingerprint: string;
}

/**
 * "No article uses “outlawed”, so it was left out." on a line of its own, or nothing: the words
 * the comparison left out (the CLI says the same through the core's unusedWordsNote).
 */
function unusedLine(c: Comparison): string {
  const quoted = (c.unusedWords ?? []).map((w) => `“${echo(w, 40)}”`);
  const last = quoted.pop();
  if (last === undefined) return '';
  const list = quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last;
  return `\nNo article uses ${list}, so ${quoted.length > 0 ? 'they were' : 'it was'} left out.`;
}

function notAddressedLine(c: Comparison): string {
  const names = c.notAddressing.map((p) => escapeMarkdown(p.article.short));
  return names.length > 0 ? `\nNot addressed by: ${names.join(', ')}.` : '';
}

function pageButtons(topicKey: string, page: number, pages: readonly ComparePage[]): Row[] {
  if (pages.length <= 1) return [];
  const fingerprint = pagesFingerprint(pages);
  const to = (target: number, label: string) =>
    button(encodeId('compare', 'page', String(target), String(pages.length), fingerprint, topicKey), label);
  const off = (side: 'prev' | 'next', label: string) =>
    button(encodeId('compare', 'noop', side), label, { disabled: true });
  return [
    row(
      page > 0 ? to(page - 1, PREV) : off('prev', PREV),
      page < pages.length - 1 ? to(page + 1, NEXT) : off('next', NEXT),
    ),
  ];
}

const PREV = '◀ Prev';
const NEXT = 'Next ▶';

/** "More from …" for the page's articles with more passages, then Discuss, five to a row. */
function actionRows(page: ComparePage, topicKey: string): Row[] {
  const more = page
    .filter((p) => p.total > p.passages.length)
    .map((p) =>
      button(
        encodeId('compare', 'more', p.article.id, String(p.passages.length), topicKey),
        `More from ${p.article.short} (${p.total - p.passages.length})`,
      ),
    );
  const all = [
    ...more,
    button(encodeId('compare', 'discuss', topicKey), 'Discuss', { style: ButtonStyle.Primary }),
  ];
  const rows: Row[] = [];
  for (let k = 0; k < all.length; k += LIMITS.buttonsPerRow)
    rows.push(row(...all.slice(k, k + LIMITS.buttonsPerRow)));
  return rows;
}

/**
 * The comparison, private to the user: one page of article blocks (the most relevant first), the
 * articles that do not address the topic on one line, ◀ Prev / Next ▶ when there is more than one
 * page, "More from …" per article and Discuss for teachers.
 */
export function compareAnswer(c: Comparison, topicKey: string, page = 0): Payload {
  if (c.addressing.length === 0) {
    return finalize({
      ephemeral: true,
      content: truncate(
        `No article addresses “${echo(c.title)}”. Try other words, or pick a topic from the list.${unusedLine(c)}`,
        LIMITS.content,
      ),
      components: actionRows([], topicKey),
    });
  }
  const pages = comparePages(c);
  const at = Math.min(Math.max(0, page), pages.length - 1);
  const shown = pages[at] ?? [];
  const header =
    pages.length > 1
      ? `**Compare:** ${echo(c.title)} · Page ${String(at + 1)} of ${String(pages.length)}`
      : `**Compare:** ${echo(c.title)}`;
  return finalize({
    ephemeral: true,
    content: truncate(header + unusedLine(c) + notAddressedLine(c), LIMITS.content),
    embeds: shown.map((p) => perspectiveEmbed(p, c.title)),
    components: [...pageButtons(topicKey, at, pages), ...actionRows(shown, topicKey)],
  });
}

/**
 * The page a page button asks for, or null when the button is stale: the comparison now pages
 * differently than when the button was made, or the page does not exist.
 */
export function comparePageAnswer(c: Comparison, topicKey: string, ref: PageRef): Payload | null {
  const pages = comparePages(c);
  if (
    !Number.isInteger(ref.page) ||
    ref.page < 0 ||
    ref.page >= pages.length ||
    ref.pageCount !== pages.length ||
    ref.fingerprint !== pagesFingerprint(pages)
  )
    return null;
  return compareAnswer(c, topicKey, ref.page);
}

/**
 * What a post to the class (Discuss) left out: the blocks of addressing articles it does not show
 * (a block is known by its author line), as public follow-up posts of whole blocks, so the shared
 * evidence is complete too. Empty when the post shows them all.
 */
export function evidenceFollowUps(c: Comparison, post: Payload): Payload[] {
  const shown = new Set((post.embeds ?? []).map((e) => e.author?.name));
  const rest = c.addressing.filter((p) => !shown.has(p.article.short));
  if (rest.length === 0) return [];
  const pages = comparePages({ ...c, addressing: rest });
  return pages.map((page, k) =>
    finalize({
      ephemeral: false,
      content: `**${echo(c.title)}**: more evidence (${String(k + 1)} of ${String(pages.length)})`,
      embeds: page.map((p) => perspectiveEmbed(p, c.title)),
    }),
  );
}

/** "More from this article": the next passages from one article, privately. */
export function compareMoreAnswer(
  c: Comparison,
  topicKey: string,
  articleId: string,
  offset: number,
): Payload {
  const p = c.perspectives.find((x) => x.article.id === articleId);
  if (!p || p.passages.length === 0) {
    return finalize({ ephemeral: true, content: 'There is nothing more from that article on this topic.' });
  }
  const shown = offset + p.passages.length;
  const rest = p.total - shown;
  return finalize({
    ephemeral: true,
    content: `**${escapeMarkdown(p.article.short)}** on ${echo(c.title)} (${offset + 1}–${shown} of ${p.total})`,
    embeds: [perspectiveEmbed(p, c.title)],
    ...(rest > 0 && {
      components: [
        row(button(encodeId('compare', 'more', articleId, String(shown), topicKey), `More (${rest})`)),
      ],
    }),
  });
}

/**
 * Autocomplete for a topic: the curated topics that match what was typed (see the core's
 * matchTopics). With `freeText`, what was typed is offered as its own choice when no topic matches.
 */
export function topicChoices(
  topics: readonly Topic[],
  typed: string,
  options: { freeText: boolean },
): Choice[] {
  const choices = topics.map((t) => ({ name: t.title, value: t.id }));
  const text = typed.trim();
  if (options.freeText && text !== '' && topics.length === 0)
    choices.push({ name: `Search: ${text}`, value: text.slice(0, LIMITS.choiceValue) });
  return fitChoices(choices);
}
