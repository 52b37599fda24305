/**
 * `/webhooks/{application}/{token}…`: follow-ups and the reply's edits and deletion, for 15 minutes
 * after the interaction was dispatched.
 */
import { InteractionResponseType, type APIMessage } from 'discord-api-types/v10';
import { apiErrors } from './errors.js';
import type { InteractionRecord, StandInParts } from './interaction-types.js';
import { checkEdit, checkNewMessage, createResponse } from './interaction-responses.js';
import { INTERACTION_TOKEN_TTL_MS } from './limits.js';
import { applyEdit } from './messages.js';
import type { FileUpload } from './multipart.js';
import type { StoredMessage } from './state.js';
import { FLAG_EPHEMERAL, isRecord } from './validate.js';

/** The interaction whose token a webhook call carries, while the token is valid (15 minutes). */
export function webhookRecord(
  parts: StandInParts,
  byToken: ReadonlyMap<string, InteractionRecord>,
  applicationId: string,
  token: string,
): InteractionRecord {
  const record = byToken.get(token);
  if (!record || applicationId !== parts.world.applicationId) throw apiErrors.unknownWebhook();
  if (parts.world.now() - record.dispatchedAt > INTERACTION_TOKEN_TTL_MS)
    throw apiErrors.invalidWebhookToken();
  return record;
}

/** `{id|@original}`: the reply or a follow-up of this interaction, never another message. */
export function webhookMessage(
  parts: StandInParts,
  record: InteractionRecord,
  messageId: string,
): StoredMessage {
  const id = messageId === '@original' ? record.originalMessageId : messageId;
  const mine = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
  const stored = mine ? parts.world.liveMessage(id) : undefined;
  if (!stored) throw apiErrors.unknownMessage();
  return stored;
}

/**
 * `POST /webhooks/{app}/{token}`: a follow-up. While a deferred reply is still "thinking", the first
 * follow-up fills that reply (keeping its ephemeral flag) instead of creating a new message, as Discord does.
 */
export function followUp(
  parts: StandInParts,
  record: InteractionRecord,
  body: unknown,
  files: readonly FileUpload[] = [],
): APIMessage {
  if (
    !record.callback ||
    record.callback.type === InteractionResponseType.ApplicationCommandAutocompleteResult
  ) {
    throw apiErrors.unknownWebhook();
  }
  const json = isRecord(body) ? body : {};
  if (record.loading && record.originalMessageId) {
    const original = webhookMessage(parts, record, '@original');
    checkNewMessage(body, []);
    applyEdit(parts.world, original, json, files);
    record.loading = false;
    parts.signal.notify();
    return original.data;
  }
  checkNewMessage(body, []);
  const flags = typeof json.flags === 'number' ? json.flags : 0;
  const stored = createResponse(parts, record, json, flags & FLAG_EPHEMERAL, false, files);
  record.followUpIds.push(stored.data.id);
  parts.signal.notify();
  return stored.data;
}

/** `PATCH /webhooks/{app}/{token}/messages/{id|@original}`. */
export function editWebhookMessage(
  parts: StandInParts,
  record: InteractionRecord,
  stored: StoredMessage,
  edit: { readonly body: unknown; readonly files: readonly FileUpload[] },
): APIMessage {
  const { body, files } = edit;
  checkEdit(body, [], stored);
  applyEdit(parts.world, stored, isRecord(body) ? body : {}, files);
  if (stored.data.id === record.originalMessageId) record.loading = false;
  parts.signal.notify();
  return stored.data;
}
