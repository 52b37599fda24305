/**
 * Interactions: building INTERACTION_CREATE payloads the way Discord does and dispatching them to the
 * owning shard. The bot's answers are taken in `interaction-callbacks.ts` (callback within 3 s, once)
 * and `interaction-webhooks.ts` (follow-ups and edits for 15 minutes).
 */
import { randomBytes } from 'node:crypto';
import { InteractionResponseType, InteractionType, type APIMessage } from 'discord-api-types/v10';
import { StandInError } from './errors.js';
import type { Gateway } from './gateway.js';
import type { FileUpload } from './multipart.js';
import { acceptCallback } from './interaction-callbacks.js';
import { interactionHandle } from './interaction-handle.js';
import type {
  AutocompleteOptions,
  ComponentOptions,
  DispatchSpec,
  InteractionContextOptions,
  InteractionHandle,
  InteractionRecord,
  Json,
  ModalSubmitOptions,
  SelectOptions,
  ShownModal,
  SlashOptions,
  StandInParts,
} from './interaction-types.js';
import { editWebhookMessage, followUp, webhookMessage, webhookRecord } from './interaction-webhooks.js';
import { commandData, gateCommand } from './command-options.js';
import type { Signal } from './signal.js';
import type { ChannelState, GuildState, StandInUser, StoredMessage, World } from './state.js';
import { Component, isRecord } from './validate.js';

export type * from './interaction-types.js';

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

/**
 * What Discord's client lets a member pick in a string select: only its options, between
 * `min_values` (default 1) and `max_values` (default 1) of them, each once.
 */
function checkChoice(select: Json, values: readonly string[]): void {
  const offered = new Set(
    (Array.isArray(select.options) ? select.options : []).filter(isRecord).map((o) => String(o.value)),
  );
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  const unknown = values.find((value) => !offered.has(value));
  if (unknown !== undefined) throw new StandInError(0, `the select menu has no option "${unknown}"`);
  if (new Set(values).size !== values.length) throw new StandInError(0, 'an option was picked twice');
  if (values.length < min || values.length > max) {
    throw new StandInError(
      0,
      `pick ${min === max ? min : `${min} to ${max}`} option(s), not ${values.length}`,
    );
  }
}

export class Interactions {
  readonly records = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  readonly #parts: StandInParts;

  constructor(
    private readonly world: World,
    private readonly gateway: Gateway,
    private readonly signal: Signal,
  ) {
    this.#parts = { world, gateway, signal };
  }

  // -------------------------------------------------------------------------------------------------------
  // Dispatchers

  /** Dispatches a slash command. Throws {@link StandInError} 50013 if the user may not see the command. */
  slash(options: SlashOptions): InteractionHandle {
    return this.#command(options, InteractionType.ApplicationCommand, undefined);
  }

  /** Dispatches an autocomplete request; the focused option's value is sent as typed (a string). */
  autocomplete(options: AutocompleteOptions): InteractionHandle {
    return this.#command(options, InteractionType.ApplicationCommandAutocomplete, options.focused);
  }

  #command(
    options: SlashOptions,
    type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete,
    focused: string | undefined,
  ): InteractionHandle {
    const { guild, channel, user } = this.#context(options);
    const command = gateCommand(this.world, guild, user, options.name);
    const data = commandData(this.world, guild, command, options, focused);
    return this.#dispatch({
      type,
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
    if (from) from.modalOpen = false;
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

  /** The modal `user` has open (the newest one a callback showed them and they have not closed), if any. */
  shownModal(userRef: string): ShownModal | undefined {
    const user = this.world.resolveUser(userRef);
    const open = [...this.records.values()].filter((r) => r.modalOpen && r.user.id === user.id);
    const newest = open.at(-1);
    if (!newest?.callback?.data) return undefined;
    return { interaction: interactionHandle(this.world, this.signal, newest), modal: newest.callback.data };
  }

  /** The member closes the modal they have open (Cancel, or Escape): nothing is sent to the bot. */
  closeModal(userRef: string): void {
    const user = this.world.resolveUser(userRef);
    for (const record of this.records.values()) if (record.user.id === user.id) record.modalOpen = false;
    this.signal.notify();
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
    this.#sees(channel, user);
    return { guild, channel, user };
  }

  /** A member acts only where they can see (a private thread: its members and Manage Threads). */
  #sees(channel: ChannelState, user: StandInUser): void {
    if (!this.world.canView(channel, user.id)) {
      throw new StandInError(50001, `${user.key} cannot see #${channel.name} (a private thread)`);
    }
  }

  #member(guild: GuildState, user: StandInUser): void {
    if (!guild.members.has(user.id))
      throw new StandInError(0, `${user.key} is not a member of ${guild.name}`);
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
    if (type === Component.StringSelect) checkChoice(component, values ?? []);
    const channel = this.world.channels.get(stored.data.channel_id);
    if (!channel) throw new StandInError(0, `message ${messageId} has no channel`);
    this.#sees(channel, user);
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
      modalOpen: false,
    };
    this.records.set(id, record);
    this.#byToken.set(token, record);
    this.gateway.dispatchToGuild(guild.id, 'INTERACTION_CREATE', payload, null);
    return interactionHandle(this.world, this.signal, record);
  }

  // -------------------------------------------------------------------------------------------------------
  // REST side

  /** `POST /interactions/{id}/{token}/callback`; the JSON for `?with_response=true`, else undefined (204). */
  callback(
    id: string,
    token: string,
    body: unknown,
    withResponse: boolean,
    files: readonly FileUpload[] = [],
  ): Json | undefined {
    return acceptCallback(this.#parts, this.records.get(id), token, { body, withResponse, files });
  }

  /** `POST /webhooks/{app}/{token}`: a follow-up (it fills a reply still "thinking"). */
  followUp(
    applicationId: string,
    token: string,
    body: unknown,
    files: readonly FileUpload[] = [],
  ): APIMessage {
    return followUp(this.#parts, this.#webhook(applicationId, token), body, files);
  }

  /** `GET /webhooks/{app}/{token}/messages/{id|@original}`. */
  getMessage(applicationId: string, token: string, messageId: string): APIMessage {
    return this.#webhookMessage(applicationId, token, messageId).data;
  }

  /** `PATCH /webhooks/{app}/{token}/messages/{id|@original}`. */
  editMessage(
    applicationId: string,
    token: string,
    messageId: string,
    body: unknown,
    files: readonly FileUpload[] = [],
  ): APIMessage {
    const record = this.#webhook(applicationId, token);
    const stored = webhookMessage(this.#parts, record, messageId);
    return editWebhookMessage(this.#parts, record, stored, { body, files });
  }

  /** `DELETE /webhooks/{app}/{token}/messages/{id|@original}`. */
  deleteMessage(applicationId: string, token: string, messageId: string): void {
    this.world.deleteMessage(this.#webhookMessage(applicationId, token, messageId));
    this.signal.notify();
  }

  #webhook(applicationId: string, token: string): InteractionRecord {
    return webhookRecord(this.#parts, this.#byToken, applicationId, token);
  }

  #webhookMessage(applicationId: string, token: string, messageId: string): StoredMessage {
    return webhookMessage(this.#parts, this.#webhook(applicationId, token), messageId);
  }
}
