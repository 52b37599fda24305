/** Answers to a prompt, as the teachers' ledger holds them, for the tests of /summary (issue 15 §4). */
import type { AnswerRecord } from '../../src/core/discussion/answer.js';
import { ANN, BOB, CAT, content } from './thread.js';

export { ANN, BOB, CAT, content };

export const PROMPT = '555555555555555555';

let clock = 0;

/** One answer; each call is posted a minute after the previous one unless `postedAt` is given. */
export function answer(
  userId: string,
  userName: string,
  fields: Partial<Omit<AnswerRecord, 'userId' | 'userName' | 'draft'>> & {
    answer?: string;
    evidence?: string;
    reasoning?: string;
  } = {},
): AnswerRecord {
  const { answer: text = 'Because of the gas.', evidence = '', reasoning = '', ...rest } = fields;
  clock++;
  return {
    promptMessageId: PROMPT,
    userId,
    userName,
    draft: { answer: text, evidence, reasoning },
    postedAt: new Date(Date.UTC(2026, 10, 29, 9, clock)).toISOString(),
    ...rest,
  };
}

/** A class of three: Ann cites alpha twice, Bob beta once and a passage since removed, Cat withdrew. */
export function classAnswers(): AnswerRecord[] {
  return [
    answer(ANN, 'Ann', { evidence: 'First of alpha', passageId: 'alpha#1', sideArticleId: 'alpha' }),
    answer(BOB, 'Bob', { evidence: 'beta#1', passageId: 'beta#1', sideArticleId: 'beta' }),
    answer(ANN, 'Ann', { evidence: 'Second', passageId: 'alpha#2', reasoning: 'It says so.' }),
    answer(CAT, 'Cat', { answer: 'Not sure.', withdrawn: true }),
    answer(BOB, 'Bob', { evidence: 'alpha#9', passageId: 'alpha#9' }),
    answer(BOB, 'Bob', { evidence: 'words that match nothing' }),
    answer(ANN, 'Ann', { evidence: 'First of alpha', passageId: 'alpha#1', sideArticleId: 'alpha' }),
  ];
}
