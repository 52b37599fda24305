/**
 * Interactions: building INTERACTION_CREATE payloads the way Discord does, dispatching them to the owning
 * shard, and the life of the interaction token (callback within 3 s, once; webhook calls for 15 minutes).
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIMessage,
  type APIMessageInteractionMetadata,
} from 'discord-api-types/v10';
import { apiErrors, ErrorCode, invalidFormBody, StandInError, type FieldError } from './errors.js';
import { Intent, type Gateway } from './gateway.js';
import { INTERACTION_RESPONSE_WINDOW_MS, INTERACTION_TOKEN_TTL_MS } from './limits.js';
import { applyEdit, buildMessage, type InteractionMessageExtra } from './messages.js';
import { DEFAULT_WAIT_MS, type Signal } from './signal.js';
import type { ChannelState, GuildState, StandInUser, StoredMessage, World } from './state.js';
import {
  checkAutocomplete,
  checkMessage,
  checkModal,
  Component,
  effectiveMessage,
  isEmptyMessage,
  FLAG_EPHEMERAL,
  FLAG_LOADING,
  isRecord,
} from './validate.js';
import { wire, without } from './wire.js';

type Json = Record<string, unknown>;

/** A value for one command option. Plain values are typed by the registered command, or inferred. */
export type OptionValue =
  | string
  | number
  | boolean
  | { readonly type: ApplicationCommandOptionType; readonly value: string | number | boolean };

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

/** Everything {@link Interactions} needs to build and send one INTERACTION_CREATE. */
interface DispatchSpec {
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

/** Registered commands usable in a guild: guild commands first, then global. */
function findCommand(world: World, guild: GuildState, name: string): APIApplicationCommand | undefined {
  const match = (command: APIApplicationCommand) =>
    command.name === name && command.type === ApplicationCommandType.ChatInput;
  return [...guild.commands.values()].find(match) ?? [...world.globalCommands.values()].find(match);
}

/** Walks message components looking for an interactive one by custom id. */
function findComponent(components: readonly unknown[], customId: string): Json | undefined {
  for (const component of components) {
    if (!isRecord(component)) continue;
    if (component.custom_id === customId) return component;
    const nested = [
      ...(Array.isArray(component.components) ? (component.components as unknown[]) : []),
      ...(isRecord(component.accessory) ? [component.accessory] : []),
    ];
    const found = findComponent(nested, customId);
    if (found) return found;
  }
  return undefined;
}

export class Interactions {
  readonly records = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly world: World,
    private readonly gateway: Gateway,
    private readonly signal: Signal,
  ) {}

  // -------------------------------------------------------------------------------------------------------
  // Dispatchers

  /** Dispatches a slash command. Throws {@link StandInError} 50013 if the user may not see the command. */
  slash(options: SlashOptions): InteractionHandle {
    const { guild, channel, user } = this.#context(options);
    const command = this.#gate(guild, user, options.name);
    const data = this.#commandData(guild, command, options, undefined);
    return this.#dispatch({
      type: InteractionType.ApplicationCommand,
      guild,
      channel,
      user,
      locale: options.locale,
      extra: { data },
      commandName: options.name,
    });
  }

  /** Dispatches an autocomplete request; the focused option's value is sent as typed (a string). */
  autocomplete(options: AutocompleteOptions): InteractionHandle {
    const { guild, channel, user } = this.#context(options);
    const command = this.#gate(guild, user, options.name);
    const data = this.#commandData(guild, command, options, options.focused);
    return this.#dispatch({
      type: InteractionType.ApplicationCommandAutocomplete,
      guild,
      channel,
      user,
      locale: options.locale,
      extra: { data },
      commandName: options.name,
    });
  }

  /** Dispatches a button click on a stored message. */
  button(options: ComponentOptions): InteractionHandle {
    return this.#component(options, Component.Button, undefined);
  }

  /** Dispatches a select menu choice on a stored message. */
  select(options: SelectOptions): InteractionHandle {
    return this.#component(options, undefined, options.values);
  }

  /** Dispatches a modal submission. */
  modalSubmit(options: ModalSubmitOptions): InteractionHandle {
    const from = options.from?.record;
    if (from) {
      const shown = from.callback;
      if (shown?.type !== InteractionResponseType.Modal) {
        throw new StandInError(0, `interaction ${from.id} did not show a modal`);
      }
      if (shown.data?.custom_id !== options.customId) {
        throw new StandInError(0, `the modal shown has custom_id "${String(shown.data?.custom_id)}"`);
      }
    }
    const guild = from ? this.world.resolveGuild(from.guildId) : this.world.resolveGuild(options.guild);
    const channel = from
      ? (this.world.channels.get(from.channelId) ?? this.world.resolveChannel(guild))
      : this.world.resolveChannel(guild, options.channel);
    const user = this.world.resolveUser(options.user);
    this.#member(guild, user);
    const layout = from?.callback?.data?.components;
    const components = Array.isArray(layout)
      ? layout.filter(isRecord).flatMap((row) => this.#submittedRow(row, options.fields))
      : Object.entries(options.fields).map(([customId, value]) => ({
          type: Component.ActionRow,
          components: [{ type: Component.TextInput, custom_id: customId, value }],
        }));
    const message = from?.componentMessageId ? this.world.liveMessage(from.componentMessageId) : undefined;
    return this.#dispatch({
      type: InteractionType.ModalSubmit,
      guild,
      channel,
      user,
      locale: options.locale,
      extra: {
        data: { custom_id: options.customId, components },
        ...(message ? { message: message.data } : {}),
      },
      componentMessageId: message?.data.id ?? null,
      trigger: from ?? null,
    });
  }

  #submittedRow(row: Json, fields: Readonly<Record<string, string>>): Json[] {
    const answer = (input: unknown): Json | undefined => {
      if (!isRecord(input) || typeof input.custom_id !== 'string') return undefined;
      const value = fields[input.custom_id] ?? '';
      return input.type === Component.TextInput
        ? { type: Component.TextInput, id: input.id, custom_id: input.custom_id, value }
        : { type: input.type, id: input.id, custom_id: input.custom_id, values: value === '' ? [] : [value] };
    };
    if (row.type === Component.ActionRow && Array.isArray(row.components)) {
      const inner = row.components.map(answer).filter((item): item is Json => item !== undefined);
      return [{ type: Component.ActionRow, id: row.id, components: inner }];
    }
    if (row.type === Component.Label) {
      const inner = answer(row.component);
      return inner ? [{ type: Component.Label, id: row.id, component: inner }] : [];
    }
    return [];
  }

  #context(options: InteractionContextOptions): {
    guild: GuildState;
    channel: ChannelState;
    user: StandInUser;
  } {
    const guild = this.world.resolveGuild(options.guild);
    const channel = this.world.resolveChannel(guild, options.channel);
    const user = this.world.resolveUser(options.user);
    this.#member(guild, user);
    return { guild, channel, user };
  }

  #member(guild: GuildState, user: StandInUser): void {
    if (!guild.members.has(user.id))
      throw new StandInError(0, `${user.key} is not a member of ${guild.name}`);
  }

  /**
   * Discord hides a command from members lacking its `default_member_permissions`, so they can never run
   * it: the stand-in refuses to dispatch (StandInError, code 50013) instead. `"0"` means admins only.
   */
  #gate(guild: GuildState, user: StandInUser, name: string): APIApplicationCommand | undefined {
    const command = findCommand(this.world, guild, name);
    if (command && !this.world.canUseCommand(guild, user.id, command)) {
      throw new StandInError(
        ErrorCode.MissingPermissions,
        `Missing Permissions: ${user.key} lacks default_member_permissions ${String(command.default_member_permissions)} for /${name}, so Discord hides the command from them`,
      );
    }
    return command;
  }

  #commandData(
    guild: GuildState,
    command: APIApplicationCommand | undefined,
    options: SlashOptions,
    focused: string | undefined,
  ): Json {
    let definitions: readonly APIApplicationCommandOption[] | undefined = command
      ? (command.options ?? [])
      : undefined;
    const descend = (name: string, type: ApplicationCommandOptionType): void => {
      if (!definitions) return;
      const found = definitions.find((option) => option.name === name && option.type === type);
      if (!found)
        throw new StandInError(0, `/${options.name} has no ${ApplicationCommandOptionType[type]} "${name}"`);
      definitions = 'options' in found ? (found.options ?? []) : [];
    };
    if (options.group !== undefined) descend(options.group, ApplicationCommandOptionType.SubcommandGroup);
    if (options.subcommand !== undefined)
      descend(options.subcommand, ApplicationCommandOptionType.Subcommand);
    const resolved: Record<string, Record<string, unknown>> = {};
    const given = { ...options.options };
    if (focused !== undefined && !(focused in given)) given[focused] = '';
    const leaf = Object.entries(given).map(([name, raw]) =>
      this.#option(guild, options.name, definitions, name, raw, focused === name, resolved),
    );
    if (definitions && focused === undefined) {
      for (const definition of definitions) {
        if ('required' in definition && definition.required && !(definition.name in given)) {
          throw new StandInError(
            0,
            `/${options.name} needs option "${definition.name}": Discord would not send it`,
          );
        }
      }
    }
    let tree: Json[] = leaf;
    if (options.subcommand !== undefined) {
      tree = [{ type: ApplicationCommandOptionType.Subcommand, name: options.subcommand, options: tree }];
    }
    if (options.group !== undefined) {
      tree = [{ type: ApplicationCommandOptionType.SubcommandGroup, name: options.group, options: tree }];
    }
    return {
      id: command?.id ?? this.world.mintId(),
      name: options.name,
      type: ApplicationCommandType.ChatInput,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
      ...(tree.length > 0 ? { options: tree } : {}),
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    };
  }

  #option(
    guild: GuildState,
    commandName: string,
    definitions: readonly APIApplicationCommandOption[] | undefined,
    name: string,
    raw: OptionValue,
    focused: boolean,
    resolved: Record<string, Record<string, unknown>>,
  ): Json {
    const definition = definitions?.find((option) => option.name === name);
    if (definitions && !definition) throw new StandInError(0, `/${commandName} has no option "${name}"`);
    const explicit = typeof raw === 'object' ? raw : undefined;
    let value = explicit ? explicit.value : (raw as string | number | boolean);
    const type =
      explicit?.type ??
      definition?.type ??
      (typeof value === 'boolean'
        ? ApplicationCommandOptionType.Boolean
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.Number
          : ApplicationCommandOptionType.String);
    if (focused) return { type, name, value: String(value), focused: true };
    const add = (kind: string, id: string, object: unknown): void => {
      resolved[kind] ??= {};
      resolved[kind][id] = object;
    };
    switch (type) {
      case ApplicationCommandOptionType.User:
      case ApplicationCommandOptionType.Mentionable: {
        const role = guild.roles.find((candidate) => candidate.id === value || candidate.name === value);
        if (type === ApplicationCommandOptionType.Mentionable && role) {
          value = role.id;
          add('roles', role.id, role);
          break;
        }
        const user = this.world.resolveUser(String(value));
        value = user.id;
        add('users', user.id, this.world.userJSON(user));
        if (guild.members.has(user.id)) {
          const member = without(this.world.memberJSON(guild, user.id), 'user', 'deaf', 'mute');
          add('members', user.id, {
            ...member,
            permissions: this.world.memberPermissions(guild, user.id).toString(),
          });
        }
        break;
      }
      case ApplicationCommandOptionType.Channel: {
        const channel = this.world.resolveChannel(guild, String(value));
        value = channel.id;
        add('channels', channel.id, {
          ...this.world.channelJSON(channel),
          permissions: this.world.memberPermissions(guild, this.world.bot.id).toString(),
        });
        break;
      }
      case ApplicationCommandOptionType.Role: {
        const role = guild.roles.find((candidate) => candidate.id === value || candidate.name === value);
        if (!role) throw new StandInError(0, `unknown role "${String(value)}"`);
        value = role.id;
        add('roles', role.id, role);
        break;
      }
      case ApplicationCommandOptionType.String:
        if (typeof value !== 'string') throw new StandInError(0, `option "${name}" must be a string`);
        break;
      case ApplicationCommandOptionType.Integer:
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          throw new StandInError(0, `option "${name}" must be an integer`);
        }
        break;
      case ApplicationCommandOptionType.Number:
        if (typeof value !== 'number') throw new StandInError(0, `option "${name}" must be a number`);
        break;
      case ApplicationCommandOptionType.Boolean:
        if (typeof value !== 'boolean') throw new StandInError(0, `option "${name}" must be a boolean`);
        break;
      default:
        break;
    }
    if (definition && 'choices' in definition && definition.choices && definition.choices.length > 0) {
      if (!definition.choices.some((choice) => choice.value === value)) {
        throw new StandInError(
          0,
          `option "${name}" must be one of its choices; Discord would not send ${String(value)}`,
        );
      }
    }
    return { type, name, value };
  }

  #component(
    options: ComponentOptions,
    expectType: number | undefined,
    values: readonly string[] | undefined,
  ) {
    const messageId = typeof options.message === 'string' ? options.message : options.message.id;
    const stored = this.world.liveMessage(messageId);
    if (!stored) throw new StandInError(0, `no message ${messageId} in the store`);
    const user = this.world.resolveUser(options.user);
    if (stored.ephemeralFor !== null && stored.ephemeralFor !== user.id) {
      throw new StandInError(0, `message ${messageId} is ephemeral: only its recipient can see and click it`);
    }
    const component = findComponent(stored.data.components ?? [], options.customId);
    if (!component) throw new StandInError(0, `message ${messageId} has no component "${options.customId}"`);
    if (component.disabled === true) throw new StandInError(0, `component "${options.customId}" is disabled`);
    const type = typeof component.type === 'number' ? component.type : -1;
    if (expectType !== undefined && type !== expectType) {
      throw new StandInError(0, `component "${options.customId}" is of type ${type}, not a button`);
    }
    if (expectType === undefined && (type === Component.Button || type < Component.StringSelect)) {
      throw new StandInError(0, `component "${options.customId}" is not a select menu`);
    }
    const channel = this.world.channels.get(stored.data.channel_id);
    if (!channel) throw new StandInError(0, `message ${messageId} has no channel`);
    const guild = this.world.resolveGuild(channel.guildId);
    this.#member(guild, user);
    return this.#dispatch({
      type: InteractionType.MessageComponent,
      guild,
      channel,
      user,
      locale: options.locale,
      extra: {
        data: {
          custom_id: options.customId,
          component_type: type,
          ...(values ? { values: [...values] } : {}),
        },
        message: stored.data,
      },
      componentMessageId: stored.data.id,
    });
  }

  #dispatch(spec: DispatchSpec): InteractionHandle {
    const { type, guild, channel, user, locale, extra } = spec;
    const session = this.gateway.sessionForGuild(guild.id);
    if (!session) {
      throw new StandInError(
        0,
        `no gateway session owns guild ${guild.name} (${guild.id}); is the client ready?`,
      );
    }
    const id = this.world.mintId();
    const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(48).toString('base64url')}`;
    const memberPermissions = this.world.memberPermissions(guild, user.id).toString();
    const payload: Json = {
      id,
      application_id: this.world.applicationId,
      type,
      token,
      version: 1,
      guild_id: guild.id,
      guild: { id: guild.id, locale: 'en-US', features: [] },
      channel_id: channel.id,
      channel: { ...this.world.channelJSON(channel), permissions: memberPermissions },
      member: { ...this.world.memberJSON(guild, user.id), permissions: memberPermissions },
      app_permissions: this.world.memberPermissions(guild, this.world.bot.id).toString(),
      locale: locale ?? 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...extra,
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      guildId: guild.id,
      channelId: channel.id,
      user,
      dispatchedAt: this.world.now(),
      payload,
      commandName: spec.commandName ?? null,
      callback: null,
      originalMessageId: null,
      componentMessageId: spec.componentMessageId ?? null,
      trigger: spec.trigger ?? null,
      followUpIds: [],
      loading: false,
    };
    this.records.set(id, record);
    this.#byToken.set(token, record);
    this.gateway.dispatchToGuild(guild.id, 'INTERACTION_CREATE', payload, null);
    return this.#handle(record);
  }

  #handle(record: InteractionRecord): InteractionHandle {
    const signal = this.signal;
    const world = this.world;
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
        signal.waitFor(
          () => record.callback ?? undefined,
          timeoutMs,
          `a callback to interaction ${record.id}`,
        ),
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

  // -------------------------------------------------------------------------------------------------------
  // REST side: POST /interactions/{id}/{token}/callback

  /** Handles an interaction callback. Returns the JSON for `?with_response=true`, else undefined (204). */
  callback(id: string, token: string, body: unknown, withResponse: boolean): Json | undefined {
    const record = this.records.get(id);
    if (record?.token !== token) throw apiErrors.unknownInteraction();
    if (!isRecord(body) || typeof body.type !== 'number') {
      throw invalidFormBody([
        { path: ['type'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
      ]);
    }
    if (record.callback) throw apiErrors.alreadyAcknowledged();
    if (this.world.now() - record.dispatchedAt > INTERACTION_RESPONSE_WINDOW_MS)
      throw apiErrors.unknownInteraction();
    const type = wire(InteractionResponseType, body.type);
    const data = isRecord(body.data) ? body.data : undefined;
    if (!this.#allowed(record).includes(type)) {
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
        this.#checkNewMessage(body.data, ['data']);
        const flags = typeof data?.flags === 'number' ? data.flags : 0;
        const stored = this.#createResponse(record, data ?? {}, flags & FLAG_EPHEMERAL, true);
        record.originalMessageId = stored.data.id;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = typeof data?.flags === 'number' ? data.flags : 0;
        const stored = this.#createResponse(record, {}, (flags & FLAG_EPHEMERAL) | FLAG_LOADING, true);
        record.originalMessageId = stored.data.id;
        record.loading = true;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        record.originalMessageId = record.componentMessageId;
        break;
      case InteractionResponseType.UpdateMessage: {
        const target = this.#componentMessage(record);
        this.#checkEdit(body.data, ['data'], target);
        applyEdit(this.world, target, data ?? {});
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
        break;
      }
      default:
        break;
    }
    record.callback = { type, data, at: this.world.now() };
    this.signal.notify();
    return withResponse ? this.#callbackResponse(record, type) : undefined;
  }

  #allowed(record: InteractionRecord): InteractionResponseType[] {
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

  #callbackResponse(record: InteractionRecord, type: InteractionResponseType): Json {
    const message = record.originalMessageId ? this.world.liveMessage(record.originalMessageId) : undefined;
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

  #metadata(record: InteractionRecord): APIMessageInteractionMetadata {
    const base = {
      id: record.id,
      user: this.world.userJSON(record.user),
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

  #createResponse(
    record: InteractionRecord,
    body: Json,
    extraFlags: number,
    isOriginal: boolean,
  ): StoredMessage {
    const channel = this.world.channels.get(record.channelId);
    if (!channel) throw apiErrors.unknownChannel();
    const interaction: InteractionMessageExtra = {
      metadata: this.#metadata(record),
      ...(record.commandName !== null && isOriginal ? { commandName: record.commandName } : {}),
    };
    const ephemeral =
      ((extraFlags | (typeof body.flags === 'number' ? body.flags : 0)) & FLAG_EPHEMERAL) !== 0;
    const message = buildMessage(this.world, {
      channel,
      author: this.world.bot,
      body,
      extraFlags,
      type:
        isOriginal && record.type === InteractionType.ApplicationCommand
          ? MessageType.ChatInputCommand
          : MessageType.Default,
      interaction,
    });
    const stored = this.world.addMessage(channel, message, {
      ephemeralFor: ephemeral ? record.user.id : null,
      interactionId: record.id,
    });
    if (!ephemeral)
      this.gateway.dispatchToGuild(
        record.guildId,
        'MESSAGE_CREATE',
        { ...message, guild_id: record.guildId },
        Intent.GuildMessages,
      );
    return stored;
  }

  #componentMessage(record: InteractionRecord): StoredMessage {
    const target = record.componentMessageId ? this.world.liveMessage(record.componentMessageId) : undefined;
    if (!target) throw apiErrors.unknownMessage();
    return target;
  }

  #checkNewMessage(body: unknown, prefix: (string | number)[]): void {
    const problems: FieldError[] = checkMessage(body ?? {}, { prefix });
    if (problems.length > 0) throw invalidFormBody(problems);
    if (isEmptyMessage(effectiveMessage(isRecord(body) ? body : {}))) throw apiErrors.emptyMessage();
  }

  #checkEdit(body: unknown, prefix: (string | number)[], target: StoredMessage): void {
    const previous = {
      content: target.data.content,
      embeds: target.data.embeds,
      components: target.data.components ?? [],
      flags: target.data.flags ?? 0,
      poll: target.data.poll,
    };
    const problems = checkMessage(body ?? {}, { prefix, previous });
    if (problems.length > 0) throw invalidFormBody(problems);
    const effective = effectiveMessage(isRecord(body) ? body : {}, previous);
    if (isEmptyMessage(effective, target.data.attachments.length > 0)) throw apiErrors.emptyMessage();
  }

  // -------------------------------------------------------------------------------------------------------
  // REST side: /webhooks/{application}/{token}...

  #webhookRecord(applicationId: string, token: string): InteractionRecord {
    const record = this.#byToken.get(token);
    if (!record || applicationId !== this.world.applicationId) throw apiErrors.unknownWebhook();
    if (this.world.now() - record.dispatchedAt > INTERACTION_TOKEN_TTL_MS)
      throw apiErrors.invalidWebhookToken();
    return record;
  }

  #webhookMessage(record: InteractionRecord, messageId: string): StoredMessage {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const mine = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
    const stored = mine ? this.world.liveMessage(id) : undefined;
    if (!stored) throw apiErrors.unknownMessage();
    return stored;
  }

  /**
   * `POST /webhooks/{app}/{token}`: a follow-up. While a deferred reply is still "thinking", the first
   * follow-up fills that reply (keeping its ephemeral flag) instead of creating a new message, as Discord does.
   */
  followUp(applicationId: string, token: string, body: unknown): APIMessage {
    const record = this.#webhookRecord(applicationId, token);
    if (
      !record.callback ||
      record.callback.type === InteractionResponseType.ApplicationCommandAutocompleteResult
    ) {
      throw apiErrors.unknownWebhook();
    }
    const json = isRecord(body) ? body : {};
    if (record.loading && record.originalMessageId) {
      const original = this.#webhookMessage(record, '@original');
      this.#checkNewMessage(body, []);
      applyEdit(this.world, original, json);
      record.loading = false;
      this.signal.notify();
      return original.data;
    }
    this.#checkNewMessage(body, []);
    const flags = typeof json.flags === 'number' ? json.flags : 0;
    const stored = this.#createResponse(record, json, flags & FLAG_EPHEMERAL, false);
    record.followUpIds.push(stored.data.id);
    this.signal.notify();
    return stored.data;
  }

  /** `GET /webhooks/{app}/{token}/messages/{id|@original}`. */
  getMessage(applicationId: string, token: string, messageId: string): APIMessage {
    return this.#webhookMessage(this.#webhookRecord(applicationId, token), messageId).data;
  }

  /** `PATCH /webhooks/{app}/{token}/messages/{id|@original}`. */
  editMessage(applicationId: string, token: string, messageId: string, body: unknown): APIMessage {
    const record = this.#webhookRecord(applicationId, token);
    const stored = this.#webhookMessage(record, messageId);
    this.#checkEdit(body, [], stored);
    applyEdit(this.world, stored, isRecord(body) ? body : {});
    if (stored.data.id === record.originalMessageId) record.loading = false;
    this.signal.notify();
    return stored.data;
  }

  /** `DELETE /webhooks/{app}/{token}/messages/{id|@original}`. */
  deleteMessage(applicationId: string, token: string, messageId: string): void {
    const record = this.#webhookRecord(applicationId, token);
    const stored = this.#webhookMessage(record, messageId);
    this.world.deleteMessage(stored);
    this.signal.notify();
  }
}
