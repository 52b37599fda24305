/** Driving the Respond flow through the stand-in, for the discussion e2e tests. */
import type { APIMessage } from 'discord-api-types/v10';
import type { StandIn } from '../../src/sandbox/standin/index.js';
import { buttonIds } from './harness.js';

export { EPHEMERAL } from './util.js';

/** Runs /prompt as the teacher (in `general` of the first guild, or of `guild`) and returns the prompt post. */
export async function postPrompt(
  standIn: StandIn,
  options: Record<string, string | boolean>,
  guild?: number,
): Promise<APIMessage> {
  const h = standIn.slash({
    user: 'teacher',
    channel: 'general',
    name: 'prompt',
    options,
    ...(guild !== undefined && { guild }),
  });
  const done = await h.waitForOriginal((m) => m.content.length > 0);
  const url = /Posted: \S+\/(\d+)$/m.exec(done.content)?.[1];
  const post = url ? standIn.message(url) : undefined;
  if (!post) throw new Error(`no prompt post: ${done.content}`);
  return post;
}

export function idWith(m: APIMessage, action: string): string {
  const id = buttonIds(m).find((c) => c.startsWith(`prompt|${action}|`));
  if (!id) throw new Error(`no ${action} component on message ${m.id}: ${buttonIds(m).join(', ')}`);
  return id;
}

export interface Draft {
  readonly answer: string;
  readonly evidence?: string;
  readonly reasoning?: string;
}

/** Respond → modal → submit: the private preview. */
export async function respond(
  standIn: StandIn,
  user: string,
  prompt: APIMessage,
  draft: Draft,
): Promise<APIMessage> {
  const click = standIn.button({ user, message: prompt.id, customId: idWith(prompt, 'respond') });
  const modal = await click.response();
  const customId = String(modal.data?.custom_id);
  const submit = standIn.modalSubmit({
    user,
    customId,
    from: click,
    fields: { answer: draft.answer, evidence: draft.evidence ?? '', reasoning: draft.reasoning ?? '' },
  });
  return submit.waitForOriginal();
}

/** Presses a button on a message and waits until the message it answers with changes (or appears). */
export function press(standIn: StandIn, user: string, message: APIMessage, action: string) {
  return standIn.button({ user, message: message.id, customId: idWith(message, action) });
}

/** Post on a preview: resolves with the preview once edited to its "posted" note. */
export async function postPreview(standIn: StandIn, user: string, preview: APIMessage): Promise<APIMessage> {
  const h = press(standIn, user, preview, 'post');
  return h.waitForOriginal((m) => m.embeds.length === 0 && m.content !== '');
}

/** The ledger thread's id, read from the prompt post's Respond button. */
export function ledgerIdOf(prompt: APIMessage): string {
  const id = idWith(prompt, 'respond').split('|')[2];
  if (!id) throw new Error('no ledger id');
  return id;
}

/** Waits (up to 10 s) until `check` holds: for what the bot writes after it has answered. */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}
