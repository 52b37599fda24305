/**
 * A student's answer to a prompt, as the discussion features (issue 15) share it: the Respond flow
 * writes it, the teachers' ledger in Discord keeps it, Reveal and the answer cards show it, and
 * /summary reads it. Pure data, free of discord.js.
 */
import { clip } from '../graphemes.js';

/** How a prompt collects answers: `open` shows each card at once (today's default). */
export interface DiscussionMode {
  /** Answers are collected unseen until a teacher presses Reveal. */
  readonly postFirst: boolean;
  /** Cards show a pseudonym ("Student 7"); only teachers see who wrote what. */
  readonly anonymous: boolean;
}

export const OPEN_MODE: DiscussionMode = { postFirst: false, anonymous: false };

/** The three fields of the Respond modal, as the student typed them. */
export interface AnswerDraft {
  /** "Your answer": required, at most {@link ANSWER_MAX} characters. */
  readonly answer: string;
  /** "Evidence": words from a passage or a passage id (`sumner-riyadh#9`); empty for none. */
  readonly evidence: string;
  /** "Why this evidence supports your answer": optional. */
  readonly reasoning: string;
}

export const ANSWER_MAX = 1000;

export interface AnswerRecord {
  /** The prompt post the answer belongs to. */
  readonly promptMessageId: string;
  /** Who wrote it. Teachers only: never in anything a student receives in anonymous mode. */
  readonly userId: string;
  /** The writer's name when they answered. Teachers only, as `userId`. */
  readonly userName: string;
  /** "Student 7": set in anonymous mode, stable within one prompt. */
  readonly pseudonym?: string;
  readonly draft: AnswerDraft;
  /** The passage the evidence resolved to and the student kept (`article#paragraph`), if any. */
  readonly passageId?: string;
  /** The article whose argument the answer supports; undefined for neither or not asked. */
  readonly sideArticleId?: string;
  /** ISO 8601. */
  readonly postedAt: string;
  /** The answer card in the discussion thread, once shown there. */
  readonly cardMessageId?: string;
  /** Withdrawn by its writer or removed by a teacher. */
  readonly withdrawn?: boolean;
}

/** A mode in one character, for custom ids: `0` open, `1` post-first, `2` anonymous, `3` both. */
export function modeCode(mode: DiscussionMode): string {
  return String((mode.postFirst ? 1 : 0) + (mode.anonymous ? 2 : 0));
}

/** The mode a {@link modeCode} names; open for anything else. */
export function modeFromCode(code: string | undefined): DiscussionMode {
  const n = code !== undefined && /^[0-3]$/.test(code) ? Number(code) : 0;
  return { postFirst: (n & 1) !== 0, anonymous: (n & 2) !== 0 };
}

/** Modal limits besides the answer's. */
export const EVIDENCE_MAX = 200;
export const REASONING_MAX = 500;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/g;

/** A draft as typed, tidied: trimmed, control characters (but line breaks) dropped, within limits. */
export function tidyDraft(draft: AnswerDraft): AnswerDraft {
  const clean = (s: string, max: number) => clip(s.replace(CONTROL, '').trim(), max).trim();
  return {
    answer: clean(draft.answer, ANSWER_MAX),
    evidence: clean(draft.evidence, EVIDENCE_MAX),
    reasoning: clean(draft.reasoning, REASONING_MAX),
  };
}
