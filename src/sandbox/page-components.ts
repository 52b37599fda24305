/**
 * What the page does with the bot's components beyond buttons: picks in a string select menu, the
 * modal the acting member has open (its text inputs, submitted or closed), and the files messages
 * carry, served from the page's own origin. Each request is checked as Discord's client would check
 * it before sending anything to the bot.
 */
import type { ServerResponse } from 'node:http';
import { HttpError, str } from './page-options.js';
import type { StandIn } from './standin/index.js';

/** A text input of a modal, as the page shows it. */
export interface ModalInput {
  readonly customId: string;
  readonly label: string;
  readonly description: string | null;
  /** 1 short (one line), 2 paragraph. */
  readonly style: number;
  readonly placeholder: string | null;
  readonly required: boolean;
  readonly minLength: number;
  readonly maxLength: number;
  /** The value it opens with (e.g. a draft to edit). */
  readonly value: string;
}

/** The modal the acting member has open, for the page. */
export interface PageModal {
  readonly interactionId: string;
  readonly customId: string;
  readonly title: string;
  readonly inputs: readonly ModalInput[];
}

const TEXT_INPUT = 4;
const ACTION_ROW = 1;
const LABEL = 18;
/** Discord's limit on a text input's value. */
const TEXT_INPUT_MAX = 4000;

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function textInput(input: Json, label: string | null, description: string | null): ModalInput | undefined {
  if (input.type !== TEXT_INPUT || typeof input.custom_id !== 'string') return undefined;
  return {
    customId: input.custom_id,
    // A text input in an action row carries its own (older) label; in a Label component, the label's.
    label: label ?? text(input.label) ?? '',
    description,
    style: input.style === 2 ? 2 : 1,
    placeholder: text(input.placeholder),
    required: input.required !== false,
    minLength: typeof input.min_length === 'number' ? input.min_length : 0,
    maxLength: typeof input.max_length === 'number' ? input.max_length : TEXT_INPUT_MAX,
    value: text(input.value) ?? '',
  };
}

/** The text inputs of a modal's components (in action rows, or in Label components), in order. */
export function modalInputs(components: unknown): ModalInput[] {
  const rows = Array.isArray(components) ? components.filter(isRecord) : [];
  return rows.flatMap((row) => {
    if (row.type === ACTION_ROW && Array.isArray(row.components)) {
      return row.components.filter(isRecord).flatMap((c) => textInput(c, null, null) ?? []);
    }
    if (row.type === LABEL && isRecord(row.component)) {
      return textInput(row.component, text(row.label), text(row.description)) ?? [];
    }
    return [];
  });
}

/** The modal `user` has open, or null. */
export function pageModal(standIn: StandIn, user: string): PageModal | null {
  const shown = standIn.shownModal(user);
  if (!shown) return null;
  return {
    interactionId: shown.interaction.id,
    customId: text(shown.modal.custom_id) ?? '',
    title: text(shown.modal.title) ?? '',
    inputs: modalInputs(shown.modal.components),
  };
}

/** The problem with a typed value, as Discord's client would point it out; undefined when it may be sent. */
function inputProblem(input: ModalInput, value: string): string | undefined {
  const length = value.length; // UTF-16 units, as the browser's maxlength counts them
  if (input.required && value.trim() === '') return `Fill in “${input.label}”.`;
  if (value !== '' && length < input.minLength)
    return `“${input.label}” needs at least ${input.minLength} characters.`;
  if (length > input.maxLength) return `“${input.label}” takes at most ${input.maxLength} characters.`;
  return undefined;
}

/** Submits the open modal with the page's values, each checked against its text input. */
export function submitModal(standIn: StandIn, user: string, b: Json): unknown {
  const shown = standIn.shownModal(user);
  if (shown?.interaction.id !== str(b.interactionId, 'interactionId')) {
    throw new HttpError(409, 'That form is no longer open.');
  }
  const inputs = modalInputs(shown.modal.components);
  const values = isRecord(b.fields) ? b.fields : {};
  const fields: Record<string, string> = {};
  for (const input of inputs) {
    const value = values[input.customId] ?? '';
    if (typeof value !== 'string') throw new HttpError(400, `“${input.label}” must be text.`);
    const problem = inputProblem(input, value);
    if (problem) throw new HttpError(400, problem);
    fields[input.customId] = value;
  }
  const unknown = Object.keys(values).find((key) => !inputs.some((i) => i.customId === key));
  if (unknown !== undefined) throw new HttpError(400, `The form has no field “${unknown}”.`);
  standIn.modalSubmit({
    user,
    customId: text(shown.modal.custom_id) ?? '',
    fields,
    from: shown.interaction,
  });
  return { ok: true };
}

/** The page's picks in a string select menu (the stand-in checks them against its options). */
export function pickInSelect(standIn: StandIn, user: string, b: Json): unknown {
  const values = Array.isArray(b.values) ? b.values : undefined;
  if (!values?.every((v): v is string => typeof v === 'string')) {
    throw new HttpError(400, 'Missing values.');
  }
  standIn.select({
    user,
    message: str(b.messageId, 'messageId'),
    customId: str(b.customId, 'customId'),
    values,
  });
  return { ok: true };
}

/** Types a browser may show inline; anything else is offered as a download. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** `GET /files/{id}/{name}`: a file a message carries, from the page's own origin. */
export function serveAttachment(standIn: StandIn, res: ServerResponse, pathname: string): void {
  const match = /^\/files\/(\d{1,20})\/[^/]+$/.exec(pathname);
  const file = match ? standIn.world.attachments.file(match[1] ?? '') : undefined;
  if (!file) throw new HttpError(404, 'Not found.');
  const inline = file.contentType !== undefined && INLINE_TYPES.has(file.contentType);
  res.writeHead(200, {
    'content-type': inline ? file.contentType : 'application/octet-stream',
    'content-length': file.bytes.length,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  res.end(Buffer.from(file.bytes));
}
