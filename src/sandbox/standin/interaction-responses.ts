/**
 * The messages an interaction leaves: its reply and follow-ups, stored with Discord's interaction
 * metadata, and the checks a reply or an edit of one must pass.
 */
import { InteractionType, MessageType, type APIMessageInteractionMetadata } from 'discord-api-types/v10';
import { apiErrors, invalidFormBody, type FieldError } from './errors.js';
import { Intent } from './gateway.js';
import type { InteractionRecord, Json, StandInParts } from './interaction-types.js';
import { buildMessage, previousMessage, type InteractionMessageExtra } from './messages.js';
import type { FileUpload } from './multipart.js';
import type { StoredMessage } from './state.js';
import { checkMessage, effectiveMessage, FLAG_EPHEMERAL, isEmptyMessage, isRecord } from './validate.js';

function metadata(parts: StandInParts, record: InteractionRecord): APIMessageInteractionMetadata {
  const base = {
    id: record.id,
    user: parts.world.userJSON(record.user),
    authorizing_integration_owners: { '0': record.guildId },
    ...(record.originalMessageId ? { original_response_message_id: record.originalMessageId } : {}),
  };
  if (record.type === InteractionType.MessageComponent) {
    return {
      ...base,
      type: InteractionType.MessageComponent,
      interacted_message_id: record.componentMessageId ?? '',
    };
  }
  if (record.type === InteractionType.ModalSubmit) {
    const trigger = record.trigger;
    const triggering =
      trigger?.type === InteractionType.MessageComponent
        ? {
            id: trigger.id,
            type: InteractionType.MessageComponent as const,
            user: base.user,
            authorizing_integration_owners: base.authorizing_integration_owners,
            interacted_message_id: trigger.componentMessageId ?? '',
          }
        : {
            id: trigger?.id ?? record.id,
            type: InteractionType.ApplicationCommand as const,
            user: base.user,
            authorizing_integration_owners: base.authorizing_integration_owners,
          };
    return { ...base, type: InteractionType.ModalSubmit, triggering_interaction_metadata: triggering };
  }
  return { ...base, type: InteractionType.ApplicationCommand };
}

/** Stores (and, unless ephemeral, dispatches) the bot's reply or follow-up to an interaction. */
export function createResponse(
  parts: StandInParts,
  record: InteractionRecord,
  body: Json,
  extraFlags: number,
  isOriginal: boolean,
  files: readonly FileUpload[] = [],
): StoredMessage {
  const channel = parts.world.channels.get(record.channelId);
  if (!channel) throw apiErrors.unknownChannel();
  const interaction: InteractionMessageExtra = {
    metadata: metadata(parts, record),
    ...(record.commandName !== null && isOriginal ? { commandName: record.commandName } : {}),
  };
  const ephemeral = ((extraFlags | (typeof body.flags === 'number' ? body.flags : 0)) & FLAG_EPHEMERAL) !== 0;
  const message = buildMessage(parts.world, {
    channel,
    author: parts.world.bot,
    body,
    extraFlags,
    files,
    type:
      isOriginal && record.type === InteractionType.ApplicationCommand
        ? MessageType.ChatInputCommand
        : MessageType.Default,
    interaction,
  });
  const stored = parts.world.addMessage(channel, message, {
    ephemeralFor: ephemeral ? record.user.id : null,
    interactionId: record.id,
  });
  if (!ephemeral)
    parts.gateway.dispatchToGuild(
      record.guildId,
      'MESSAGE_CREATE',
      { ...message, guild_id: record.guildId },
      Intent.GuildMessages,
    );
  return stored;
}

/** The message a component interaction was on: what an update (type 7) edits. */
export function componentMessage(parts: StandInParts, record: InteractionRecord): StoredMessage {
  const target = record.componentMessageId ? parts.world.liveMessage(record.componentMessageId) : undefined;
  if (!target) throw apiErrors.unknownMessage();
  return target;
}

/** Throws Discord's 400 unless `body` is a valid, non-empty new message. */
export function checkNewMessage(body: unknown, prefix: (string | number)[]): void {
  const problems: FieldError[] = checkMessage(body ?? {}, { prefix });
  if (problems.length > 0) throw invalidFormBody(problems);
  if (isEmptyMessage(effectiveMessage(isRecord(body) ? body : {}))) throw apiErrors.emptyMessage();
}

/** Throws Discord's 400 unless `body` is a valid edit of `target` that leaves it non-empty. */
export function checkEdit(body: unknown, prefix: (string | number)[], target: StoredMessage): void {
  const previous = previousMessage(target);
  const problems = checkMessage(body ?? {}, { prefix, previous });
  if (problems.length > 0) throw invalidFormBody(problems);
  const effective = effectiveMessage(isRecord(body) ? body : {}, previous);
  if (isEmptyMessage(effective, target.data.attachments.length > 0)) throw apiErrors.emptyMessage();
}
