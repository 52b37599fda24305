/**
 * The teachers' ledger: one bot message per answer in a private thread, plus one header message
 * per prompt, each holding its record as JSON in a code block. This codec turns records into that
 * text and back, defensively: anything that is not a well-formed entry reads as nothing. Pure.
 */
import type { AnswerDraft, AnswerRecord, DiscussionMode } from './answer.js';

/** The ledger's header: which prompt it serves, its mode, and whether answers were revealed. */
export interface LedgerHeader {
  readonly promptMessageId: string;
  /** The channel the prompt was posted in. */
  readonly channelId: string;
  readonly mode: DiscussionMode;
  /** Post-first: set once a teacher pressed Reveal. */
  readonly revealed: boolean;
}

export type LedgerEntry =
  | { readonly kind: 'header'; readonly header: LedgerHeader }
  | { readonly kind: 'answer'; readonly record: AnswerRecord };

const OPEN = '```json\n';
const CLOSE = '\n```';
const VERSION = 1;

export function encodeEntry(entry: LedgerEntry): string {
  const body = entry.kind === 'header' ? entry.header : entry.record;
  return `${OPEN}${JSON.stringify({ v: VERSION, kind: entry.kind, ...body })}${CLOSE}`;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Obj, k: string): string | undefined => (typeof o[k] === 'string' ? o[k] : undefined);
const SNOWFLAKE = /^\d{1,20}$/;

/** The entry a ledger message's text holds, or undefined for anything else. */
export function decodeEntry(text: string | undefined): LedgerEntry | undefined {
  if (text === undefined) return undefined;
  const start = text.indexOf(OPEN);
  const end = text.lastIndexOf(CLOSE);
  if (start < 0 || end < start + OPEN.length) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start + OPEN.length, end));
  } catch {
    return undefined;
  }
  if (!isObj(parsed) || parsed.v !== VERSION) return undefined;
  if (parsed.kind === 'header') {
    const header = readHeader(parsed);
    return header && { kind: 'header', header };
  }
  if (parsed.kind === 'answer') {
    const record = readRecord(parsed);
    return record && { kind: 'answer', record };
  }
  return undefined;
}

function readMode(v: unknown): DiscussionMode | undefined {
  if (!isObj(v) || typeof v.postFirst !== 'boolean' || typeof v.anonymous !== 'boolean') return undefined;
  return { postFirst: v.postFirst, anonymous: v.anonymous };
}

function readHeader(o: Obj): LedgerHeader | undefined {
  const promptMessageId = str(o, 'promptMessageId');
  const channelId = str(o, 'channelId');
  const mode = readMode(o.mode);
  if (!promptMessageId || !SNOWFLAKE.test(promptMessageId) || !channelId || !SNOWFLAKE.test(channelId))
    return undefined;
  if (!mode) return undefined;
  return { promptMessageId, channelId, mode, revealed: o.revealed === true };
}

function readDraft(v: unknown): AnswerDraft | undefined {
  if (!isObj(v)) return undefined;
  const answer = str(v, 'answer');
  if (answer === undefined || answer.trim() === '') return undefined;
  return { answer, evidence: str(v, 'evidence') ?? '', reasoning: str(v, 'reasoning') ?? '' };
}

function readRecord(o: Obj): AnswerRecord | undefined {
  const promptMessageId = str(o, 'promptMessageId');
  const userId = str(o, 'userId');
  const draft = readDraft(o.draft);
  const postedAt = str(o, 'postedAt');
  if (!promptMessageId || !SNOWFLAKE.test(promptMessageId) || !userId || !SNOWFLAKE.test(userId))
    return undefined;
  if (!draft || postedAt === undefined || Number.isNaN(Date.parse(postedAt))) return undefined;
  const optional = (k: 'pseudonym' | 'passageId' | 'sideArticleId' | 'cardMessageId') => {
    const v = str(o, k);
    return v === undefined || v === '' ? {} : { [k]: v };
  };
  const card = optional('cardMessageId');
  return {
    promptMessageId,
    userId,
    userName: str(o, 'userName') ?? '',
    draft,
    postedAt,
    ...optional('pseudonym'),
    ...optional('passageId'),
    ...optional('sideArticleId'),
    ...(card.cardMessageId !== undefined && SNOWFLAKE.test(card.cardMessageId) ? card : {}),
    ...(o.withdrawn === true && { withdrawn: true }),
  };
}

/** One ledger message as read back: its id (the answer's handle) and what it holds. */
export interface LedgerMessage {
  readonly id: string;
  readonly text: string | undefined;
}

/** The ledger as read from its messages (oldest first): the header and the answers in order. */
export interface Ledger {
  readonly header?: { readonly messageId: string; readonly header: LedgerHeader };
  readonly answers: readonly { readonly messageId: string; readonly record: AnswerRecord }[];
}

/** Reads a ledger from its messages, in any order: they are put in id (time) order first. */
export function readLedger(messages: readonly LedgerMessage[]): Ledger {
  const sorted = [...messages].sort((a, b) => compareIds(a.id, b.id));
  let header: Ledger['header'];
  const answers: { messageId: string; record: AnswerRecord }[] = [];
  for (const m of sorted) {
    const entry = decodeEntry(m.text);
    if (entry?.kind === 'header' && !header) header = { messageId: m.id, header: entry.header };
    if (entry?.kind === 'answer') answers.push({ messageId: m.id, record: entry.record });
  }
  return { ...(header && { header }), answers };
}

/** Snowflakes compared as numbers (by length first, then digits). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The answers still standing (not withdrawn or removed). */
export function standing(ledger: Ledger): Ledger['answers'] {
  return ledger.answers.filter((a) => !a.record.withdrawn);
}
