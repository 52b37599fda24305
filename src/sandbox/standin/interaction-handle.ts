/** The handle a dispatcher returns for one interaction. */
import { InteractionResponseType, type APIMessage } from 'discord-api-types/v10';
import { StandInError } from './errors.js';
import type { InteractionHandle, InteractionRecord } from './interaction-types.js';
import { DEFAULT_WAIT_MS, type Signal } from './signal.js';
import type { World } from './state.js';

/** The handle a dispatcher returns: ways to await what the bot did with the interaction. */
export function interactionHandle(
  world: World,
  signal: Signal,
  record: InteractionRecord,
): InteractionHandle {
  const original = (): APIMessage | undefined =>
    record.originalMessageId ? world.liveMessage(record.originalMessageId)?.data : undefined;
  const followUps = (): APIMessage[] =>
    record.followUpIds
      .map((id) => world.liveMessage(id)?.data)
      .filter((m): m is APIMessage => m !== undefined);
  return {
    id: record.id,
    token: record.token,
    payload: record.payload,
    record,
    response: (timeoutMs = DEFAULT_WAIT_MS) =>
      signal.waitFor(() => record.callback ?? undefined, timeoutMs, `a callback to interaction ${record.id}`),
    original,
    waitForOriginal: (predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
      signal.waitFor(
        () => {
          const message = original();
          return message && predicate(message) ? message : undefined;
        },
        timeoutMs,
        `the original response of interaction ${record.id}`,
      ),
    followUps,
    waitForFollowUp: (n = 1, predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
      signal.waitFor(
        () => {
          const message = followUps()[n - 1];
          return message && predicate(message) ? message : undefined;
        },
        timeoutMs,
        `follow-up #${n} of interaction ${record.id}`,
      ),
    choices: async (timeoutMs = DEFAULT_WAIT_MS) => {
      const callback = await signal.waitFor(
        () => record.callback ?? undefined,
        timeoutMs,
        `autocomplete choices for interaction ${record.id}`,
      );
      const choices = callback.data?.choices;
      if (
        callback.type !== InteractionResponseType.ApplicationCommandAutocompleteResult ||
        !Array.isArray(choices)
      ) {
        throw new StandInError(
          0,
          `interaction ${record.id} was answered with type ${callback.type}, not choices`,
        );
      }
      return choices as { name: string; value: string | number }[];
    },
  };
}
