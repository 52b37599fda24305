/**
 * The stand-in's in-memory world: application, users, guilds (roles, channels, threads, members),
 * messages and commands, plus the JSON shapes Discord sends for them.
 */
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
  type APIApplicationCommand,
  type APIChannel,
  type APIGuildMember,
  type APIMessage,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  ChannelFlags,
  UserFlags,
} from 'discord-api-types/v10';
import { Attachments } from './attachments.js';
import { StandInError } from './errors.js';
import type {
  ChannelState,
  Clock,
  GuildState,
  StandInUser,
  StoredMessage,
  WorldOptions,
} from './world-types.js';
import { ALL_PERMISSIONS, buildFixtures, FIXTURE_BASE_MS } from './fixtures.js';
import { SnowflakeMinter, compareSnowflakes } from './snowflake.js';
import { isoTime, wire } from './wire.js';

export type * from './world-types.js';
export { isoTime } from './wire.js';

/** The stand-in's state. */
export class World {
  readonly minter = new SnowflakeMinter(1n, 0n);
  readonly applicationId: string;
  readonly applicationName = 'Discussion Guide';
  readonly bot: StandInUser;
  readonly users = new Map<string, StandInUser>();
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  readonly messages = new Map<string, StoredMessage>();
  /** Ids of ephemeral messages by channel and recipient (`channelId:userId`), oldest first. */
  readonly #ephemeral = new Map<string, string[]>();
  readonly globalCommands = new Map<string, APIApplicationCommand>();
  /** Files attached to commands, served like Discord's CDN. */
  readonly attachments = new Attachments();

  constructor(
    options: WorldOptions,
    readonly now: Clock,
  ) {
    const fixtures = buildFixtures(options, this.applicationName);
    for (const user of fixtures.users) this.users.set(user.id, user);
    this.bot = fixtures.bot;
    this.applicationId = this.bot.id;
    for (const { guild, channels } of fixtures.guilds) {
      for (const channel of channels) this.addChannel(guild, channel);
      this.guilds.set(guild.id, guild);
    }
  }

  /** Registers a channel (or thread) in its guild and in the global index. */
  addChannel(guild: GuildState, channel: ChannelState): ChannelState {
    guild.channels.set(channel.id, channel);
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A new snowflake for the current (injected) time. */
  mintId(): string {
    return this.minter.mint(this.now());
  }

  /** Finds a user by fixture key ('teacher', 'student1', 'student2', 'bot') or id. */
  resolveUser(ref: string): StandInUser {
    const byId = this.users.get(ref);
    if (byId) return byId;
    for (const user of this.users.values()) if (user.key === ref || user.username === ref) return user;
    throw new StandInError(0, `unknown user "${ref}" (use teacher, student1, student2, bot or an id)`);
  }

  /** Finds a guild by index, id or name; the first guild when omitted. */
  resolveGuild(ref?: string | number): GuildState {
    const all = [...this.guilds.values()];
    const found =
      ref === undefined
        ? all[0]
        : typeof ref === 'number'
          ? all[ref]
          : (this.guilds.get(ref) ?? all.find((guild) => guild.name === ref));
    if (!found) throw new StandInError(0, `unknown guild "${String(ref)}"`);
    return found;
  }

  /** Finds a channel of a guild by id or name ('discussion' or '#discussion'); `#general` when omitted. */
  resolveChannel(guild: GuildState, ref = 'general'): ChannelState {
    const byId = guild.channels.get(ref);
    if (byId) return byId;
    const name = ref.replace(/^#/, '');
    for (const channel of guild.channels.values()) if (channel.name === name) return channel;
    throw new StandInError(0, `unknown channel "${ref}" in guild ${guild.name}`);
  }

  /** Discord's shard formula: `(guild_id >> 22) % shard_count`. */
  static shardOf(guildId: string, shardCount: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
  }

  userJSON(user: StandInUser): APIUser {
    return {
      id: user.id,
      username: user.username,
      discriminator: '0',
      global_name: user.globalName,
      avatar: null,
      avatar_decoration_data: null,
      public_flags: wire(UserFlags, 0),
      ...(user.bot ? { bot: true } : {}),
    };
  }

  memberJSON(guild: GuildState, userId: string): APIGuildMember & { user: APIUser } {
    const member = guild.members.get(userId);
    const user = this.users.get(userId);
    if (!member || !user) throw new StandInError(0, `user ${userId} is not a member of ${guild.name}`);
    return {
      user: this.userJSON(user),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: [...member.roles],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: wire(GuildMemberFlags, 0),
      pending: false,
      communication_disabled_until: null,
    };
  }

  /** A member's guild permissions, computed from @everyone and their roles like Discord does. */
  memberPermissions(guild: GuildState, userId: string): bigint {
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    const member = guild.members.get(userId);
    if (!member) return 0n;
    let permissions = 0n;
    for (const role of guild.roles) {
      if (role.id === guild.id || member.roles.includes(role.id)) permissions |= BigInt(role.permissions);
    }
    return permissions & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : permissions;
  }

  /**
   * Whether a member sees a channel or thread. A private thread shows only to its members and to
   * members who may manage threads (teachers, the bot), as on Discord; everything else to every member.
   */
  canView(channel: ChannelState, userId: string): boolean {
    const guild = this.guilds.get(channel.guildId);
    if (!guild?.members.has(userId)) return false;
    if (channel.type !== ChannelType.PrivateThread) return true;
    if (channel.thread?.memberIds.has(userId)) return true;
    return (this.memberPermissions(guild, userId) & PermissionFlagsBits.ManageThreads) !== 0n;
  }

  /**
   * Whether a member sees a command in their `/` list and may run it. Discord hides a command registered
   * with `default_member_permissions` the member lacks; `"0"` means administrators only.
   */
  canUseCommand(guild: GuildState, userId: string, command: APIApplicationCommand): boolean {
    const required = command.default_member_permissions;
    if (required === null) return true;
    const has = this.memberPermissions(guild, userId);
    const needed = BigInt(required);
    return (has & PermissionFlagsBits.Administrator) !== 0n || (needed !== 0n && (has & needed) === needed);
  }

  channelJSON(channel: ChannelState): APIChannel {
    const base = {
      id: channel.id,
      guild_id: channel.guildId,
      name: channel.name,
      flags: wire(ChannelFlags, 0),
      nsfw: false,
      last_message_id: channel.lastMessageId,
      rate_limit_per_user: channel.rateLimitPerUser,
    };
    const thread = channel.thread;
    if (thread) {
      return {
        ...base,
        type: channel.type as ChannelType.PublicThread,
        parent_id: channel.parentId ?? '',
        owner_id: thread.ownerId,
        message_count: channel.messageIds.length,
        member_count: thread.memberIds.size,
        total_message_sent: channel.totalMessageSent,
        thread_metadata: {
          archived: thread.archived,
          auto_archive_duration: wire(ThreadAutoArchiveDuration, thread.autoArchiveDuration),
          archive_timestamp: thread.archiveTimestamp,
          locked: thread.locked,
          create_timestamp: thread.createTimestamp,
          ...(channel.type === ChannelType.PrivateThread ? { invitable: thread.invitable } : {}),
        },
      };
    }
    return {
      ...base,
      type: ChannelType.GuildText,
      position: channel.position,
      parent_id: channel.parentId,
      topic: channel.topic,
      permission_overwrites: [],
      default_auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
      default_thread_rate_limit_per_user: 0,
    };
  }

  /** The full guild object of GUILD_CREATE. */
  guildCreateJSON(guild: GuildState): GatewayGuildCreateDispatchData {
    const channels = [...guild.channels.values()];
    const regular = channels.filter((channel) => !channel.thread);
    const threads = channels.filter((channel) => channel.thread && !channel.thread.archived);
    const general = regular[0];
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: GuildVerificationLevel.Low,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.AllMembers,
      roles: guild.roles.map((role) => ({ ...role })),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: general?.id ?? null,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
      rules_channel_id: null,
      max_members: 25_000_000,
      vanity_url_code: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      joined_at: guild.members.get(this.bot.id)?.joinedAt ?? isoTime(FIXTURE_BASE_MS),
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.keys()].map((userId) => this.memberJSON(guild, userId)),
      channels: regular.map((channel) =>
        this.channelJSON(channel),
      ) as GatewayGuildCreateDispatchData['channels'],
      threads: threads.map((channel) =>
        this.channelJSON(channel),
      ) as GatewayGuildCreateDispatchData['threads'],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** Stores a message and, unless ephemeral, appends it to its channel. */
  addMessage(
    channel: ChannelState,
    data: APIMessage,
    extra: { ephemeralFor?: string | null; interactionId?: string | null } = {},
  ): StoredMessage {
    const stored: StoredMessage = {
      data,
      guildId: channel.guildId,
      ephemeralFor: extra.ephemeralFor ?? null,
      deleted: false,
      interactionId: extra.interactionId ?? null,
      votes: new Map(),
    };
    this.messages.set(data.id, stored);
    if (stored.ephemeralFor) {
      const key = `${channel.id}:${stored.ephemeralFor}`;
      const ids = this.#ephemeral.get(key) ?? [];
      ids.push(data.id);
      this.#ephemeral.set(key, ids);
    } else {
      channel.messageIds.push(data.id);
      channel.lastMessageId = data.id;
      channel.totalMessageSent += 1;
    }
    return stored;
  }

  /** Marks a message deleted and removes it from its channel's history. */
  deleteMessage(stored: StoredMessage): void {
    stored.deleted = true;
    const channel = this.channels.get(stored.data.channel_id);
    if (!channel) return;
    const at = channel.messageIds.indexOf(stored.data.id);
    if (at >= 0) channel.messageIds.splice(at, 1);
  }

  /** Ids of the ephemeral messages `userId` got in a channel, oldest first (deleted ones included). */
  ephemeralIds(channelId: string, userId: string): readonly string[] {
    return this.#ephemeral.get(`${channelId}:${userId}`) ?? [];
  }

  /** A live (not deleted) message by id, or undefined. */
  liveMessage(id: string): StoredMessage | undefined {
    const stored = this.messages.get(id);
    return stored && !stored.deleted ? stored : undefined;
  }

  /**
   * A page of channel history, newest first, like `GET /channels/{c}/messages`: `before` and `after` are
   * exclusive bounds (`after` returns the messages closest to it), `around` centres the page on an id.
   */
  history(
    channel: ChannelState,
    query: { limit: number; before?: string; after?: string; around?: string },
  ): APIMessage[] {
    const ids = channel.messageIds; // oldest first
    let picked: string[];
    if (query.around !== undefined) {
      const around = query.around;
      const older = ids.filter((id) => compareSnowflakes(id, around) < 0);
      const newer = ids.filter((id) => compareSnowflakes(id, around) >= 0);
      const half = Math.floor(query.limit / 2);
      picked = [...older.slice(Math.max(0, older.length - half)), ...newer.slice(0, query.limit - half)];
    } else if (query.after !== undefined) {
      const after = query.after;
      picked = ids.filter((id) => compareSnowflakes(id, after) > 0).slice(0, query.limit);
    } else {
      const before = query.before;
      const older = before === undefined ? ids : ids.filter((id) => compareSnowflakes(id, before) < 0);
      picked = older.slice(Math.max(0, older.length - query.limit));
    }
    return picked
      .reverse()
      .map((id) => this.messages.get(id)?.data)
      .filter((message): message is APIMessage => message !== undefined);
  }
}
