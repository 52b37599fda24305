/** What a command file exports, and what every handler is given. */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Library } from '../core/index.js';
import type { Logger } from '../logger.js';
import type { Choice } from '../render/payload.js';

/** What every handler is given besides its interaction: the current core and the logger. */
export interface BotServices {
  /** The current content and index (swapped when content is reloaded). */
  readonly library: () => Library;
  readonly log: Logger;
}

export type ButtonHandler = (
  i: ButtonInteraction,
  fields: readonly string[],
  bot: BotServices,
) => Promise<void>;

export interface Command {
  /** The definition, built with @discordjs/builders. */
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly execute: (i: ChatInputCommandInteraction, bot: BotServices) => Promise<void>;
  /** Returns choices; the router responds, and answers [] if this throws. */
  readonly autocomplete?: (i: AutocompleteInteraction, bot: BotServices) => Choice[] | Promise<Choice[]>;
  /** Button handlers by action: custom ids are `<command>|<action>|…`. */
  readonly buttons?: Readonly<Record<string, ButtonHandler>>;
}
