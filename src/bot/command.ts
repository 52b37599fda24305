/** What a command file exports, and what every handler is given. */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Core } from '../core/index.js';
import type { Logger } from '../logger.js';
import type { Choice } from '../render/limits.js';

export interface Context {
  /** The current content and index (swapped when content is reloaded). */
  readonly core: () => Core;
  readonly log: Logger;
}

export type ButtonHandler = (i: ButtonInteraction, fields: readonly string[], ctx: Context) => Promise<void>;

export interface Command {
  /** The definition, built with @discordjs/builders. */
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly execute: (i: ChatInputCommandInteraction, ctx: Context) => Promise<void>;
  /** Returns choices; the router responds, and answers [] if this throws. */
  readonly autocomplete?: (i: AutocompleteInteraction, ctx: Context) => Choice[] | Promise<Choice[]>;
  /** Button handlers by action: custom ids are `<command>|<action>|…`. */
  readonly buttons?: Readonly<Record<string, ButtonHandler>>;
}
