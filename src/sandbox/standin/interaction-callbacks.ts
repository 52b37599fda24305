/**
 * `POST /interactions/{id}/{token}/callback`: the bot's first answer to an interaction, accepted once,
 * within 3 s, and only of a type Discord allows for that interaction.
 */
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { apiErrors, invalidFormBody } from './errors.js';
import type { InteractionRecord, Json, StandInParts } from './interaction-types.js';
import { checkEdit, checkNewMessage, componentMessage, createResponse } from './interaction-responses.js';
import { INTERACTION_RESPONSE_WINDOW_MS } from './limits.js';
import { applyEdit } from './messages.js';
import type { FileUpload } from './multipart.js';
import { checkAutocomplete, checkModal, FLAG_EPHEMERAL, FLAG_LOADING, isRecord } from './validate.js';
import { wire } from './wire.js';

/** Handles an interaction callback. Returns the JSON for `?with_response=true`, else undefined (204). */
export function acceptCallback(
  parts: StandInParts,
  record: InteractionRecord | undefined,
  token: string,
  request: { readonly body: unknown; readonly withResponse: boolean; readonly files: readonly FileUpload[] },
): Json | undefined {
  const { body, withResponse, files } = request;
  if (record?.token !== token) throw apiErrors.unknownInteraction();
  if (!isRecord(body) || typeof body.type !== 'number') {
    throw invalidFormBody([
      { path: ['type'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
    ]);
  }
  if (record.callback) throw apiErrors.alreadyAcknowledged();
  if (parts.world.now() - record.dispatchedAt > INTERACTION_RESPONSE_WINDOW_MS)
    throw apiErrors.unknownInteraction();
  const type = wire(InteractionResponseType, body.type);
  const data = isRecord(body.data) ? body.data : undefined;
  if (!allowedResponses(record).includes(type)) {
    throw invalidFormBody([
      {
        path: ['type'],
        code: 'INTERACTION_RESPONSE_TYPE_INVALID',
        message: `Interaction response type ${type} is not valid for an interaction of type ${record.type}.`,
      },
    ]);
  }
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource: {
      checkNewMessage(body.data, ['data']);
      const flags = typeof data?.flags === 'number' ? data.flags : 0;
      const stored = createResponse(parts, record, data ?? {}, flags & FLAG_EPHEMERAL, true, files);
      record.originalMessageId = stored.data.id;
      break;
    }
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const flags = typeof data?.flags === 'number' ? data.flags : 0;
      const stored = createResponse(parts, record, {}, (flags & FLAG_EPHEMERAL) | FLAG_LOADING, true);
      record.originalMessageId = stored.data.id;
      record.loading = true;
      break;
    }
    case InteractionResponseType.DeferredMessageUpdate:
      record.originalMessageId = record.componentMessageId;
      break;
    case InteractionResponseType.UpdateMessage: {
      const target = componentMessage(parts, record);
      checkEdit(body.data, ['data'], target);
      applyEdit(parts.world, target, data ?? {}, files);
      record.originalMessageId = target.data.id;
      break;
    }
    case InteractionResponseType.ApplicationCommandAutocompleteResult: {
      const problems = checkAutocomplete(body.data);
      if (problems.length > 0) throw invalidFormBody(problems);
      break;
    }
    case InteractionResponseType.Modal: {
      const problems = checkModal(body.data);
      if (problems.length > 0) throw invalidFormBody(problems);
      record.modalOpen = true; // the member's client shows it until they submit or close it
      break;
    }
    default:
      break;
  }
  record.callback = { type, data, at: parts.world.now() };
  parts.signal.notify();
  return withResponse ? callbackResponse(parts, record, type) : undefined;
}

/** The callback types Discord accepts for an interaction of this type. */
function allowedResponses(record: InteractionRecord): InteractionResponseType[] {
  const R = InteractionResponseType;
  switch (record.type) {
    case InteractionType.Ping:
      return [R.Pong];
    case InteractionType.ApplicationCommand:
      return [R.ChannelMessageWithSource, R.DeferredChannelMessageWithSource, R.Modal];
    case InteractionType.MessageComponent:
      return [
        R.ChannelMessageWithSource,
        R.DeferredChannelMessageWithSource,
        R.DeferredMessageUpdate,
        R.UpdateMessage,
        R.Modal,
      ];
    case InteractionType.ApplicationCommandAutocomplete:
      return [R.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      return record.componentMessageId
        ? [
            R.ChannelMessageWithSource,
            R.DeferredChannelMessageWithSource,
            R.DeferredMessageUpdate,
            R.UpdateMessage,
          ]
        : [R.ChannelMessageWithSource, R.DeferredChannelMessageWithSource];
  }
}

/** The answer to a callback sent `?with_response=true`. */
function callbackResponse(
  parts: StandInParts,
  record: InteractionRecord,
  type: InteractionResponseType,
): Json {
  const message = record.originalMessageId ? parts.world.liveMessage(record.originalMessageId) : undefined;
  const withMessage =
    message &&
    [
      InteractionResponseType.ChannelMessageWithSource,
      InteractionResponseType.DeferredChannelMessageWithSource,
      InteractionResponseType.UpdateMessage,
      InteractionResponseType.DeferredMessageUpdate,
    ].includes(type);
  const flags = message?.data.flags ?? 0;
  return {
    interaction: {
      id: record.id,
      type: record.type,
      ...(withMessage
        ? {
            response_message_id: message.data.id,
            response_message_loading: (flags & FLAG_LOADING) !== 0,
            response_message_ephemeral: (flags & FLAG_EPHEMERAL) !== 0,
          }
        : {}),
    },
    resource: { type, ...(withMessage ? { message: message.data } : {}) },
  };
}
