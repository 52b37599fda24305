/**
 * The shapes of the stand-in's interactions: what a test passes to dispatch one, the record the
 * stand-in keeps of it, and the handle a dispatcher returns.
 */
import type {
  ApplicationCommandOptionType,
  APIMessage,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import type { AttachmentUpload } from './attachments.js';
import type { Gateway } from './gateway.js';
import type { Signal } from './signal.js';
import type { ChannelState, GuildState, StandInUser, World } from './state.js';

export type Json = Record<string, unknown>;

/** The parts of the stand-in that interactions read and change. */
export interface StandInParts {
  readonly world: World;
  readonly gateway: Gateway;
  readonly signal: Signal;
}

/** A value for one command option. Plain values are typed by the registered command, or inferred. */
export type OptionValue =
  | string
  | number
  | boolean
  | { readonly type: ApplicationCommandOptionType; readonly value: string | number | boolean }
  /** A file for an attachment option (type 11): uploaded, then served on loopback like Discord's CDN. */
  | { readonly attachment: AttachmentUpload };

/** Where an interaction happens and who triggers it. */
export interface InteractionContextOptions {
  /** Fixture key ('teacher', 'student1', 'student2') or user id. */
  readonly user: string;
  /** Guild index, id or name. Default: the first guild. */
  readonly guild?: string | number;
  /** Channel or thread id or name ('discussion'). Default: 'general'. */
  readonly channel?: string;
  /** The user's client locale. Default 'en-US'. */
  readonly locale?: string;
}

/** A slash command invocation. */
export interface SlashOptions extends InteractionContextOptions {
  /** Command name, as registered. */
  readonly name: string;
  readonly subcommand?: string;
  readonly group?: string;
  /** Option values by name. User, channel and role values may be fixture keys or names; they are resolved. */
  readonly options?: Readonly<Record<string, OptionValue>>;
}

/** An autocomplete request: the user is typing into option `focused`. */
export interface AutocompleteOptions extends SlashOptions {
  /** The option being typed into; its value (in `options`, default '') is sent as the partial string. */
  readonly focused: string;
}

/** A click on a component of a message the stand-in stored. */
export interface ComponentOptions {
  readonly user: string;
  /** The message (id, or an object with an `id`) the component sits on. */
  readonly message: string | { readonly id: string };
  readonly customId: string;
  readonly locale?: string;
}

/** A choice in a select menu. */
export interface SelectOptions extends ComponentOptions {
  readonly values: readonly string[];
}

/** A modal submission. */
export interface ModalSubmitOptions extends InteractionContextOptions {
  readonly customId: string;
  /** Text input values by custom id. */
  readonly fields: Readonly<Record<string, string>>;
  /** The interaction that showed the modal (callback type 9). Its modal's layout and message are mirrored. */
  readonly from?: InteractionHandle;
}

/** The first (acknowledging) callback an interaction received. */
export interface CallbackRecord {
  readonly type: InteractionResponseType;
  readonly data: Json | undefined;
  readonly at: number;
}

/** The stand-in's record of one interaction. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  readonly guildId: string;
  readonly channelId: string;
  readonly user: StandInUser;
  readonly dispatchedAt: number;
  readonly payload: Json;
  readonly commandName: string | null;
  callback: CallbackRecord | null;
  /** The message `@original` refers to: the reply (types 4, 5) or the component's message (6, 7). */
  originalMessageId: string | null;
  /** The message a component (or a modal opened from a component) sits on. */
  readonly componentMessageId: string | null;
  /** For a modal submit: the interaction that showed the modal, if known. */
  readonly trigger: InteractionRecord | null;
  readonly followUpIds: string[];
  /** A deferred (type 5) reply that has not been edited or filled by a follow-up yet. */
  loading: boolean;
  /** The modal this interaction showed (callback type 9) is still open: not submitted, not closed. */
  modalOpen: boolean;
}

/** A modal a member has open in their client: the interaction that showed it, and the modal. */
export interface ShownModal {
  readonly interaction: InteractionHandle;
  /** The callback's `data`: `custom_id`, `title`, `components`. */
  readonly modal: Json;
}

/** What a dispatcher returns: the interaction, and ways to await what the bot did with it. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE payload as sent. */
  readonly payload: Json;
  /** The stand-in's live record (callback, original message id, follow-ups). */
  readonly record: InteractionRecord;
  /** Resolves with the first accepted callback (type + data). */
  response(timeoutMs?: number): Promise<CallbackRecord>;
  /** The `@original` message now, if there is one. */
  original(): APIMessage | undefined;
  /** Resolves when the `@original` message exists and satisfies `predicate` (e.g. no longer loading). */
  waitForOriginal(predicate?: (message: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
  /** Follow-up messages so far (a follow-up that filled a deferred reply is the original, not listed). */
  followUps(): APIMessage[];
  /** Resolves when the n-th (1-based) follow-up exists and satisfies `predicate`. */
  waitForFollowUp(
    n?: number,
    predicate?: (message: APIMessage) => boolean,
    timeoutMs?: number,
  ): Promise<APIMessage>;
  /** For autocomplete: resolves with the choices the bot responded with. */
  choices(timeoutMs?: number): Promise<{ name: string; value: string | number }[]>;
}

/** Everything the dispatcher needs to build and send one INTERACTION_CREATE. */
export interface DispatchSpec {
  readonly type: InteractionType;
  readonly guild: GuildState;
  readonly channel: ChannelState;
  readonly user: StandInUser;
  readonly locale: string | undefined;
  /** Type-specific fields (`data`, `message`). */
  readonly extra: Json;
  readonly commandName?: string;
  readonly componentMessageId?: string | null;
  readonly trigger?: InteractionRecord | null;
}
