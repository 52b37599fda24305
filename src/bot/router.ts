/**
 * The one interaction router, with the one error path. Every failure is logged with the
 * interaction id (never the token) and answered with a short private apology; autocomplete answers
 * no choices instead. The router also tracks replies in flight, so shutdown can wait for them.
 */
import type { Interaction, ModalSubmitInteraction, StringSelectMenuInteraction } from 'discord.js';
import { decodeId } from '../render/custom-id.js';
import { privateNotice } from '../render/payload.js';
import type { BotServices, ButtonHandler, Command } from './command.js';
import { replyOptions } from './payload-options.js';

export const APOLOGY = 'Sorry, something went wrong while answering. Please try again in a moment.';
export const OLD_BUTTON =
  'This button is from an older message the bot no longer understands. Run the command again.';
export const SHUTTING_DOWN = 'The bot is restarting. Please try again in a few seconds.';

export interface Router {
  readonly handle: (interaction: Interaction) => Promise<void>;
  /** Resolves when every interaction being answered has been answered. */
  readonly drain: () => Promise<void>;
  /** Stop taking new interactions (they get a short "restarting" note). */
  readonly close: () => void;
  readonly inFlight: () => number;
}

function logContext(i: Interaction) {
  return {
    interactionId: i.id,
    guildId: i.guildId,
    channelId: i.channelId,
    userId: i.user.id,
    ...(i.isCommand() || i.isAutocomplete() ? { command: i.commandName } : {}),
    ...(i.isMessageComponent() || i.isModalSubmit() ? { customId: i.customId } : {}),
  };
}

/**
 * The handler a button's custom id names, or undefined for an unknown or malformed id. Actions are
 * looked up by own key only: `quote|constructor|…` must not find `Object.prototype.constructor`.
 */
export function buttonHandler(
  commands: ReadonlyMap<string, Command>,
  customId: string,
): { handler: ButtonHandler; fields: readonly string[] } | undefined {
  return handlerFor(commands, customId, 'buttons');
}

/** The handler a custom id names among a command's buttons, modals or selects (own keys only). */
export function handlerFor<K extends 'buttons' | 'modals' | 'selects'>(
  commands: ReadonlyMap<string, Command>,
  customId: string,
  kind: K,
): { handler: NonNullable<Command[K]>[string]; fields: readonly string[] } | undefined {
  const id = decodeId(customId);
  const table = id && commands.get(id.command)?.[kind];
  if (!id || !table || !Object.hasOwn(table, id.action)) return undefined;
  const handler = table[id.action] as NonNullable<Command[K]>[string] | undefined;
  return handler && { handler, fields: id.fields };
}

export function createRouter(commands: ReadonlyMap<string, Command>, bot: BotServices): Router {
  const pending = new Set<Promise<void>>();
  let closed = false;

  async function dispatch(i: Interaction): Promise<void> {
    if (i.isAutocomplete()) {
      let choices: Awaited<ReturnType<NonNullable<Command['autocomplete']>>> = [];
      try {
        choices = (await commands.get(i.commandName)?.autocomplete?.(i, bot)) ?? [];
      } catch (err) {
        bot.log.error({ err, ...logContext(i) }, 'autocomplete failed');
      }
      await i.respond(choices);
      return;
    }
    if (i.isChatInputCommand()) {
      const command = commands.get(i.commandName);
      if (!command) {
        await i.reply(replyOptions(privateNotice('That command is not available any more.')));
        return;
      }
      await command.execute(i, bot);
      return;
    }
    if (i.isButton()) {
      const found = buttonHandler(commands, i.customId);
      if (!found) {
        await i.reply(replyOptions(privateNotice(OLD_BUTTON)));
        return;
      }
      await found.handler(i, found.fields, bot);
      return;
    }
    if (i.isModalSubmit() || i.isStringSelectMenu()) {
      await dispatchForm(commands, i, bot);
      return;
    }
    if (i.isRepliable()) await i.reply(replyOptions(privateNotice(OLD_BUTTON)));
  }

  async function guarded(i: Interaction): Promise<void> {
    const started = Date.now();
    try {
      if (closed) {
        if (i.isAutocomplete()) await i.respond([]);
        else if (i.isRepliable()) await i.reply(replyOptions(privateNotice(SHUTTING_DOWN)));
        return;
      }
      await dispatch(i);
      bot.log.debug({ ...logContext(i), ms: Date.now() - started }, 'answered');
    } catch (err) {
      bot.log.error({ err, ...logContext(i) }, 'interaction failed');
      await apologize(i).catch((e: unknown) => {
        bot.log.warn({ err: e, ...logContext(i) }, 'could not send the apology');
      });
    }
  }

  return {
    handle(i) {
      const p = guarded(i);
      pending.add(p);
      void p.finally(() => pending.delete(p));
      return p;
    },
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close() {
      closed = true;
    },
    inFlight: () => pending.size,
  };
}

/** A modal submit or a string select, to the handler its custom id names. */
async function dispatchForm(
  commands: ReadonlyMap<string, Command>,
  i: ModalSubmitInteraction | StringSelectMenuInteraction,
  bot: BotServices,
): Promise<void> {
  if (i.isModalSubmit()) {
    const found = handlerFor(commands, i.customId, 'modals');
    if (found) return found.handler(i, found.fields, bot);
  } else {
    const found = handlerFor(commands, i.customId, 'selects');
    if (found) return found.handler(i, found.fields, bot);
  }
  await i.reply(replyOptions(privateNotice(OLD_BUTTON)));
}

async function apologize(i: Interaction): Promise<void> {
  if (i.isAutocomplete()) {
    if (!i.responded) await i.respond([]);
    return;
  }
  if (!i.isRepliable()) return;
  if (i.deferred || i.replied) await i.followUp(replyOptions(privateNotice(APOLOGY)));
  else await i.reply(replyOptions(privateNotice(APOLOGY)));
}
