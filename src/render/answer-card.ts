/**
 * The answer card in the discussion thread, the prompt post's buttons and count, the teachers'
 * ledger messages, and the pages of others' answers a post-first student may read. Pure functions.
 */
import { ButtonStyle, type APIEmbed } from 'discord-api-types/v10';
import type { Article, Passage } from '../content/types.js';
import type { AnswerRecord, DiscussionMode } from '../core/discussion/answer.js';
import { CMD } from './answer.js';
import { button, row, type Row } from './components.js';
import { encodeId } from './custom-id.js';
import { escapeMarkdown } from './markdown.js';
import { passageEmbed } from './passage.js';
import { finalize, type Payload } from './payload.js';

/** A passage with its article, for a card. */
export interface CardPassage {
  readonly article: Article;
  readonly passage: Passage;
}

export interface CardInput {
  readonly record: AnswerRecord;
  /** Who the card names: the writer's name, or their pseudonym in anonymous mode. */
  readonly byline: string;
  readonly ledgerId: string;
  /** The ledger message holding the record: the card's buttons point at it. */
  readonly ledgerMessageId: string;
  readonly passage?: CardPassage;
  readonly sideShort?: string;
}

export function cardButtons(ledgerId: string, ledgerMessageId: string): Row {
  return row(
    button(encodeId(CMD, 'withdraw', ledgerId, ledgerMessageId), 'Withdraw my answer'),
    button(encodeId(CMD, 'remove', ledgerId, ledgerMessageId), 'Remove (teachers)'),
  );
}

/** The card's embeds: the answer, the reasoning and side, then the passage quoted with its credit. */
export function cardEmbeds(input: Omit<CardInput, 'ledgerId' | 'ledgerMessageId'>): APIEmbed[] {
  const { record, passage } = input;
  const evidence = passage
    ? `${escapeMarkdown(passage.article.short)}, paragraph ${passage.passage.paragraph} (below)`
    : record.draft.evidence !== ''
      ? `None attached: “${escapeMarkdown(record.draft.evidence)}” matched no passage.`
      : 'None';
  const head: APIEmbed = {
    color: 0x5865f2,
    author: { name: `Answer · ${input.byline}` },
    description: escapeMarkdown(record.draft.answer),
    fields: [
      { name: 'Evidence', value: evidence },
      ...(record.draft.reasoning !== ''
        ? [{ name: 'Why this evidence supports the answer', value: escapeMarkdown(record.draft.reasoning) }]
        : []),
      ...(input.sideShort !== undefined
        ? [{ name: 'Supports', value: escapeMarkdown(input.sideShort) }]
        : []),
    ],
  };
  return passage ? [head, passageEmbed(passage.article, passage.passage)] : [head];
}

export function cardPayload(input: CardInput): Payload {
  return finalize({
    ephemeral: false,
    embeds: cardEmbeds(input),
    components: [cardButtons(input.ledgerId, input.ledgerMessageId)],
  });
}

/** What a withdrawn or removed card is edited to. */
export function withdrawnCard(byTeacher: boolean): Payload {
  return finalize({
    ephemeral: false,
    content: byTeacher
      ? '*This answer was removed by a teacher.*'
      : '*This answer was withdrawn by its writer.*',
  });
}

/** The prompt post's buttons: Respond, and in post-first mode Read others and Reveal. `code`: the mode's modeCode. */
export function promptButtons(ledgerId: string, mode: DiscussionMode, code: string, revealed = false): Row {
  const hidden = mode.postFirst && !revealed;
  return row(
    button(encodeId(CMD, 'respond', ledgerId, code), 'Respond', { style: ButtonStyle.Primary }),
    ...(hidden
      ? [
          button(encodeId(CMD, 'others', ledgerId, code, '0'), 'Read others’ answers (after answering)'),
          button(encodeId(CMD, 'reveal', ledgerId, code), 'Reveal answers (teachers)'),
        ]
      : []),
  );
}

/** The prompt post's line in post-first mode: how many answers are in, never whose. */
export function countLine(count: number, revealed: boolean): string {
  if (revealed)
    return `**${count} ${count === 1 ? 'answer' : 'answers'} revealed** in the discussion thread.`;
  return `**${count} ${count === 1 ? 'answer' : 'answers'} in.** Answers stay hidden until a teacher presses Reveal.`;
}

/** A ledger message: a line for teachers, and the entry (encodeEntry: JSON in a code block, read back). */
export function ledgerPayload(encoded: string, teacherLine: string): Payload {
  return finalize({ ephemeral: false, content: teacherLine, embeds: [{ description: encoded }] });
}

/** The teachers' line above an answer in the ledger: who wrote it (a mention, which pings no one). */
export function ledgerAnswerLine(record: AnswerRecord, pseudonym: string | undefined): string {
  const state = record.withdrawn ? ' (withdrawn)' : '';
  return `Answer from <@${record.userId}> (${escapeMarkdown(record.userName)})${pseudonym ? `, shown as ${pseudonym}` : ''}${state}`;
}
