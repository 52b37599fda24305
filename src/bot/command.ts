/** What a command file exports, and what every handler is given. */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  StringSelectMenuInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Library } from '../core/index.js';
import type { AnswersForThread } from './answers.js';
import type { Logger } from '../logger.js';
import type { Choice } from '../render/payload.js';

/** What the commands that change the content (/article) are given: where it is and how to serve it. */
export interface ContentAccess {
  /** The content folder (holding articles/, sources/ and topics.yaml). */
  readonly dir: string;
  /** Reloads the content now; resolves once the result is served or refused. */
  readonly reload: () => Promise<void>;
  /** The last reload's problems as `file:line: problem`, empty while the content is valid. */
  readonly problems: () => readonly string[];
  /** Tests only (IMPORT_ALLOW_LOOPBACK=1): URLs on loopback and private addresses may be fetched. */
  readonly allowLoopback: boolean;
}

/** What every handler is given besides its interaction: the current core and the logger. */
export interface BotServices {
  /** The current content and index (swapped when content is reloaded). */
  readonly library: () => Library;
  readonly log: Logger;
  /** Absent where the content cannot be changed: /article then says so. */
  readonly content?: ContentAccess;
  /** Origins (`https://cdn.discordapp.com`, …) that attachments are downloaded from, and only those. */
  readonly attachmentOrigins: readonly string[];
  /** Keys anonymous mode's pseudonyms (ANSWER_SECRET, or derived from the token). Never logged. */
  readonly answerSecret?: string;
  /** The answers to a thread's prompt, for /summary; absent: /summary counts the thread's history. */
  readonly answersForThread?: AnswersForThread;
}

export type ButtonHandler = (
  i: ButtonInteraction,
  fields: readonly string[],
  bot: BotServices,
) => Promise<void>;

export type ModalHandler = (
  i: ModalSubmitInteraction,
  fields: readonly string[],
  bot: BotServices,
) => Promise<void>;

export type SelectHandler = (
  i: StringSelectMenuInteraction,
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
  /** Modal submit handlers by action, as buttons: the modal's custom id is `<command>|<action>|…`. */
  readonly modals?: Readonly<Record<string, ModalHandler>>;
  /** String select handlers by action, as buttons. */
  readonly selects?: Readonly<Record<string, SelectHandler>>;
}
