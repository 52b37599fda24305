/**
 * Where /summary gets the answers to the prompt a thread discusses (issue 15): the teachers' ledger
 * in Discord, read by whatever the bot is started with. Until that reader is wired in, /summary
 * counts the thread's history as before.
 */
import type { AnyThreadChannel } from 'discord.js';
import type { AnswerRecord } from '../core/discussion/answer.js';

/**
 * The answers (withdrawn ones included) to the prompt `thread` belongs to; `null` when the thread
 * belongs to no prompt that collects answers (an open prompt from before issue 15, a plain thread):
 * /summary then counts the thread's messages. An empty list: a prompt nobody has answered yet.
 */
export type AnswersForThread = (thread: AnyThreadChannel) => Promise<readonly AnswerRecord[] | null>;
