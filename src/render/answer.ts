/**
 * The Respond flow's payloads: the modal, the private preview that holds the draft (read back by
 * {@link readPreview}), and the answer card posted in the discussion thread. Pure functions.
 */
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  type APISelectMenuOption,
  type APIStringSelectComponent,
  type APITextInputComponent,
} from 'discord-api-types/v10';
import type { Article, Passage } from '../content/types.js';
import type { AnswerDraft } from '../core/discussion/answer.js';
import type { EvidenceResult } from '../core/discussion/evidence.js';
import { speakerLine } from '../core/reader-text.js';
import type { SearchHit } from '../core/search/index.js';
import { button, row, type Row } from './components.js';
import { encodeId } from './custom-id.js';
import { LIMITS } from './discord-limits.js';
import { echo, escapeAll, escapeMarkdown, unescapeAll } from './markdown.js';
import { passageEmbed } from './passage.js';
import { finalize, truncate, type Payload } from './payload.js';

export const CMD = 'prompt';
export const MODAL_TITLE = 'Your answer';
export const FIELD = { answer: 'answer', evidence: 'evidence', reasoning: 'reasoning' } as const;
export const LABEL = {
  answer: 'Your answer',
  evidence: 'Evidence',
  reasoning: 'Why this evidence supports your answer',
} as const;
/** The select value for "no evidence" and for "neither article". */
export const NONE = 'none';

/** Where a draft belongs: the ledger, the mode's code and the prompt post. */
export interface DraftPlace {
  readonly ledgerId: string;
  readonly mode: string;
  readonly promptMessageId: string;
}

export function draftId(action: string, place: DraftPlace): string {
  return encodeId(CMD, action, place.ledgerId, place.mode, place.promptMessageId);
}

/** How long each field may be (the core's limits: ANSWER_MAX and the others). */
export type DraftLimits = Readonly<Record<keyof AnswerDraft, number>>;

/** The Respond modal, filled with a draft when editing one. */
export function respondModal(
  place: DraftPlace,
  limits: DraftLimits,
  draft?: AnswerDraft,
): APIModalInteractionResponseCallbackData {
  const input = (
    id: string,
    label: string,
    max: number,
    required: boolean,
    value: string,
    long: boolean,
  ): APIActionRowComponent<APITextInputComponent> => ({
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.TextInput,
        custom_id: id,
        label,
        style: long ? TextInputStyle.Paragraph : TextInputStyle.Short,
        max_length: max,
        required,
        ...(value !== '' && { value }),
        ...(id === FIELD.evidence && {
          placeholder: 'Words from a passage, or its id such as sumner-riyadh#9',
        }),
      },
    ],
  });
  return {
    custom_id: draftId('draft', place),
    title: MODAL_TITLE,
    components: [
      input(FIELD.answer, LABEL.answer, limits.answer, true, draft?.answer ?? '', true),
      input(FIELD.evidence, LABEL.evidence, limits.evidence, false, draft?.evidence ?? '', false),
      input(FIELD.reasoning, LABEL.reasoning, limits.reasoning, false, draft?.reasoning ?? '', true),
    ],
  };
}

/** What the preview shows and keeps: the draft, the passage chosen and the side chosen. */
export interface PreviewState {
  readonly draft: AnswerDraft;
  readonly passageId?: string;
  readonly sideArticleId?: string;
}

const DRAFT_TITLE = 'Your answer (preview: only you can see this)';
const EVIDENCE_TYPED = 'Evidence you typed';
const FOOTER = /^Draft · passage (\S+) · side (\S+)$/;

function stateFooter(s: PreviewState): string {
  return `Draft · passage ${s.passageId ?? NONE} · side ${s.sideArticleId ?? NONE}`;
}

/** Reads a preview's state back from its embeds; undefined when they are not a preview's. */
export function readPreview(embeds: readonly APIEmbed[]): PreviewState | undefined {
  const head = embeds.find((e) => e.title === DRAFT_TITLE);
  const state = FOOTER.exec(head?.footer?.text ?? '');
  if (!head?.description || !state) return undefined;
  const typed = head.fields?.find((f) => f.name === EVIDENCE_TYPED)?.value;
  const why = embeds.find((e) => e.title === LABEL.reasoning)?.description;
  const [, passageId, side] = state;
  return {
    draft: {
      answer: unescapeAll(head.description),
      evidence: typed === undefined ? '' : unescapeAll(typed),
      reasoning: why === undefined ? '' : unescapeAll(why),
    },
    ...(passageId !== undefined && passageId !== NONE && { passageId }),
    ...(side !== undefined && side !== NONE && { sideArticleId: side }),
  };
}

export interface PreviewInput {
  readonly place: DraftPlace;
  readonly state: PreviewState;
  readonly evidence: EvidenceResult;
  /** The chosen passage with its article, when there is one. */
  readonly chosen?: {
    readonly article: Article;
    readonly passage: Passage;
    readonly matched: readonly string[];
  };
  /** Articles to choose between for "which argument does it support" (none: not asked). */
  readonly sides: readonly Article[];
  readonly articleShort: (articleId: string) => string;
}

function evidenceNote(input: PreviewInput): APIEmbed {
  const { evidence } = input;
  if (evidence.kind === 'unmatched')
    return {
      color: 0xed4245,
      description: `No passage of this prompt’s articles matches “${echo(evidence.typed)}”, so no evidence is attached. Press **Edit** to try other words, or a passage id such as \`article#3\`.`,
    };
  if (evidence.kind === 'none') return { description: 'No evidence attached.' };
  return { description: 'No evidence attached (you chose “No evidence”).' };
}

function hitOption(
  hit: SearchHit,
  articleShort: (id: string) => string,
  chosen: string | undefined,
): APISelectMenuOption {
  const p = hit.passage;
  return {
    label: truncate(`${articleShort(p.articleId)} ¶${p.paragraph} · ${speakerLine(p)}`, LIMITS.selectOption),
    description: truncate(p.display.replace(/\s+/g, ' '), LIMITS.selectOption),
    value: p.id,
    default: p.id === chosen,
  };
}

function select(customId: string, placeholder: string, options: APISelectMenuOption[]): Row {
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder,
    options: options.slice(0, LIMITS.selectOptions),
  };
  return row(menu);
}

function previewRows(input: PreviewInput): Row[] {
  const { place, state, evidence } = input;
  const rows: Row[] = [];
  if (evidence.kind === 'found') {
    rows.push(
      select(draftId('pick', place), 'Evidence: choose another match', [
        ...evidence.hits.map((h) => hitOption(h, input.articleShort, state.passageId)),
        { label: 'No evidence', value: NONE, default: state.passageId === undefined },
      ]),
    );
  }
  if (input.sides.length > 0) {
    rows.push(
      select(draftId('side', place), 'Which article’s argument does your answer support?', [
        ...input.sides.map((a) => ({
          label: truncate(`Supports ${a.short}`, LIMITS.selectOption),
          value: a.id,
          default: a.id === state.sideArticleId,
        })),
        { label: 'Neither / not sure', value: NONE, default: state.sideArticleId === undefined },
      ]),
    );
  }
  rows.push(
    row(
      button(draftId('post', place), 'Post', { style: ButtonStyle.Primary }),
      button(draftId('edit', place), 'Edit'),
    ),
  );
  return rows;
}

/** The private preview: the draft (kept exactly, read back by {@link readPreview}) and its evidence. */
export function previewPayload(input: PreviewInput): Payload {
  const { state } = input;
  const head: APIEmbed = {
    color: 0x5865f2,
    title: DRAFT_TITLE,
    description: escapeAll(state.draft.answer),
    fields: [
      ...(state.draft.evidence !== ''
        ? [{ name: EVIDENCE_TYPED, value: escapeAll(state.draft.evidence) }]
        : []),
      ...(input.sides.length > 0
        ? [
            {
              name: 'Supports',
              value: state.sideArticleId
                ? escapeMarkdown(input.articleShort(state.sideArticleId))
                : 'Neither',
            },
          ]
        : []),
    ],
    footer: { text: stateFooter(state) },
  };
  const why: APIEmbed[] =
    state.draft.reasoning === ''
      ? []
      : [{ title: LABEL.reasoning, description: escapeAll(state.draft.reasoning) }];
  const { chosen } = input;
  const quote = chosen ? passageEmbed(chosen.article, chosen.passage, chosen.matched) : evidenceNote(input);
  return finalize({
    ephemeral: true,
    content:
      'Check your answer, correct the evidence if it is not the passage you meant, then press **Post**.',
    embeds: [head, ...why, quote],
    components: previewRows(input),
  });
}
