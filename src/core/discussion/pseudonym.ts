/**
 * Anonymous mode's pseudonyms ("Student 7"): an HMAC over (prompt, user), keyed by a secret students
 * never see, so a pseudonym is stable within one prompt and differs between prompts. Collisions are
 * resolved by the ledger's order: the earlier writer keeps the number, a later one takes the next
 * free. Pure (node:crypto only).
 */
import { createHmac } from 'node:crypto';
import type { AnswerRecord } from './answer.js';

/** Pseudonyms are numbered 1 to this before collisions push past it. */
export const PSEUDONYM_RANGE = 99;

/** The number the HMAC gives this user on this prompt, 1 to {@link PSEUDONYM_RANGE}. */
export function pseudonymNumber(secret: string, promptMessageId: string, userId: string): number {
  const mac = createHmac('sha256', secret).update(`${promptMessageId}:${userId}`).digest();
  return (mac.readUInt32BE(0) % PSEUDONYM_RANGE) + 1;
}

export function pseudonymLabel(n: number): string {
  return `Student ${n}`;
}

/**
 * Every writer's pseudonym on one prompt, from the ledger's answers in order (withdrawn ones
 * included, so a number once shown never moves to someone else).
 */
export function assignPseudonyms(
  secret: string,
  promptMessageId: string,
  records: readonly Pick<AnswerRecord, 'userId'>[],
): Map<string, string> {
  const taken = new Set<number>();
  const out = new Map<string, string>();
  for (const { userId } of records) {
    if (out.has(userId)) continue;
    let n = pseudonymNumber(secret, promptMessageId, userId);
    while (taken.has(n)) n = n >= PSEUDONYM_RANGE && taken.size < PSEUDONYM_RANGE ? 1 : n + 1;
    taken.add(n);
    out.set(userId, pseudonymLabel(n));
  }
  return out;
}
