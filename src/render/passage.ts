/** Embeds for one passage: the quote itself, its context, its citations. Pure functions. */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Article, Passage } from '../content/types.js';
import type { CopyWording } from '../core/search/index.js';
import { cite, CITATION_STYLES } from '../core/cite.js';
import type { PassageContext } from '../core/context.js';
import {
  articleName,
  articleSource,
  copyWordingLine,
  highlight,
  innerQuotesLine,
  passageCorrections,
  speakerLine,
  type QuotedWords,
} from '../core/reader-text.js';
import { LIMITS } from './discord-limits.js';
import { boldMatches, escapeMarkdown } from './markdown.js';
import { truncate } from './payload.js';

/** A stable colour per article, so the same article looks the same everywhere. */
export function articleColor(articleId: string): number {
  let h = 2166136261;
  for (const c of articleId) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const palette = [0x5865f2, 0xeb459e, 0x57f287, 0xfee75c, 0xed4245, 0x3ba55c, 0xfaa61a, 0x9b59b6];
  return palette[Math.abs(h) % palette.length] ?? 0x5865f2;
}

/** The quote as a block quote, matched words in bold, markdown in the text escaped. */
export function quoteMarkdown(p: Passage, matched: readonly string[] = []): string {
  return `> ${boldMatches(highlight(p.display, matched))}`;
}

/** Footer text: article, paragraph and passage id (the id lets /summary recognise shared passages). */
export function passageFooter(a: Article, p: Passage): string {
  return `${a.short} · para. ${p.paragraph} · ${p.id}`;
}

/** The field that says a passage was found by the copy's garbled wording, which it shows corrected. */
export const COPY_WORDING_FIELD = 'Found by the copy’s wording';

/**
 * A passage as a quote. `quoted`: words of a person quoted inside it that the search was about,
 * shown beside it credited to that person; the paragraph itself stays credited to its own speaker.
 * `copyWording`: the garbled phrases of the copy that found it (see SearchHit.copyWording).
 */
export function passageEmbed(
  a: Article,
  p: Passage,
  matched: readonly string[] = [],
  quoted: readonly QuotedWords[] = [],
  copyWording: readonly CopyWording[] = [],
): APIEmbed {
  const inner = innerQuotesLine(p);
  return {
    color: articleColor(a.id),
    author: { name: inner ? `${speakerLine(p)} — ${inner}` : speakerLine(p) },
    title: articleName(a),
    ...(a.url !== undefined && { url: a.url }),
    description: quoteMarkdown(p, matched),
    fields: [
      ...(copyWording.length > 0
        ? [
            {
              name: COPY_WORDING_FIELD,
              value: truncate(escapeMarkdown(copyWording.map(copyWordingLine).join('\n')), LIMITS.fieldValue),
            },
          ]
        : []),
      ...quotedFields(quoted),
      {
        name: 'Source',
        value: escapeMarkdown(`${articleSource(a)}, paragraph ${p.paragraph}`),
        inline: true,
      },
      ...(a.notice ? [{ name: 'Note', value: escapeMarkdown(a.notice) }] : []),
    ],
    footer: { text: passageFooter(a, p) },
  };
}

/** One field per person quoted: "Name, as quoted by Speaker", with their words. */
function quotedFields(quoted: readonly QuotedWords[]): APIEmbedField[] {
  const byPerson = new Map<string, string[]>();
  for (const q of quoted) byPerson.set(q.attribution, [...(byPerson.get(q.attribution) ?? []), q.display]);
  return [...byPerson].map(([attribution, words]) => ({
    name: truncate(attribution, LIMITS.fieldName),
    value: truncate(escapeMarkdown(words.join('\n')), LIMITS.fieldValue),
  }));
}

/**
 * The passage exactly as the copy of the article has it: no brackets, no bold, with the editor's
 * corrections listed beside it, so a reader can see everything the answer changed.
 */
export function sourceWordingEmbed(a: Article, p: Passage): APIEmbed {
  const corrections = passageCorrections(a, p).map((c) => `“${c.from}” → “${c.to}”`);
  return {
    color: articleColor(a.id),
    author: { name: speakerLine(p) },
    title: articleName(a),
    ...(a.url !== undefined && { url: a.url }),
    description: `> ${escapeMarkdown(p.text)}`,
    fields: [
      ...(corrections.length > 0
        ? [{ name: 'Corrected in the answer, in [brackets]', value: escapeMarkdown(corrections.join('\n')) }]
        : []),
      ...(a.notice ? [{ name: 'Note', value: escapeMarkdown(a.notice) }] : []),
    ],
    footer: { text: passageFooter(a, p) },
  };
}

export function contextEmbeds(a: Article, ctx: PassageContext): APIEmbed[] {
  const one = (p: Passage, current: boolean): APIEmbed => ({
    color: current ? articleColor(a.id) : 0x2b2d31,
    author: { name: `${current ? '▶ ' : ''}Paragraph ${p.paragraph} · ${speakerLine(p)}` },
    description: quoteMarkdown(p),
  });
  const all = [
    ...ctx.before.map((p) => one(p, false)),
    one(ctx.passage, true),
    ...ctx.after.map((p) => one(p, false)),
  ];
  const last = all.at(-1);
  if (last) last.footer = { text: `${a.short}${a.notice ? ` · ${a.notice}` : ''}` };
  const first = all[0];
  if (first) {
    first.title = articleName(a);
    if (a.url) first.url = a.url;
  }
  return all;
}

export function citationEmbed(a: Article, p: Passage | undefined): APIEmbed {
  const fields = CITATION_STYLES.map((style) => {
    const c = cite(a, style, p);
    return { name: `${style.toUpperCase()} — in text: ${c.inText}`, value: c.markdown };
  });
  return {
    color: articleColor(a.id),
    title: `Cite: ${articleName(a)}`,
    fields: [...fields, ...(a.notice ? [{ name: 'Note', value: escapeMarkdown(a.notice) }] : [])],
    ...(p && { footer: { text: passageFooter(a, p) } }),
  };
}
