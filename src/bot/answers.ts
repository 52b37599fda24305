/**
 * Where /summary gets the answers to the prompt a thread discusses (issue 15): the teachers' ledger
 * in Discord. The bot reads it with answersFromLedger (commands/discussion-io.ts) unless it is
 * started with another reader (the bot tests stand one in).
 */
import type { AnyThreadChannel } from 'discord.js';
import type { AnswerRecord } from '../core/discussion/answer.js';

/**
 * The answers (withdrawn ones included) to the prompt `thread` belongs to; `null` when the thread
 * belongs to no prompt that collects answers (an open prompt from before issue 15, a plain thread):
 * /summary then counts the thread's messages. An empty list: a prompt nobody has answered yet.
 */
export type AnswersForThread = (thread: AnyThreadChannel) => Promise<readonly AnswerRecord[] | null>;
