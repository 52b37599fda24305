/** The shapes of the stand-in's in-memory world: users, guilds, channels, threads, members, messages. */
import type { APIApplicationCommand, APIMessage, APIRole, ChannelType } from 'discord-api-types/v10';

/** Supplies the current Unix time in milliseconds (injectable so tests can fake minutes passing). */
export type Clock = () => number;

/** A user the stand-in knows. `key` is the short name tests use ('teacher', 'student1', ...). */
export interface StandInUser {
  readonly key: string;
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly bot: boolean;
}

/** Thread-only state of a channel. */
export interface ThreadState {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
  invitable: boolean;
  memberIds: Set<string>;
}

/** A guild channel or thread. */
export interface ChannelState {
  readonly id: string;
  readonly guildId: string;
  readonly type: ChannelType;
  name: string;
  position: number;
  topic: string | null;
  parentId: string | null;
  rateLimitPerUser: number;
  /** Ids of the channel's (non-ephemeral) messages, oldest first. */
  readonly messageIds: string[];
  lastMessageId: string | null;
  totalMessageSent: number;
  /** Present for threads (types 10, 11, 12). */
  thread: ThreadState | null;
}

export interface MemberState {
  readonly userId: string;
  roles: string[];
  readonly joinedAt: string;
  nick: string | null;
}

export interface GuildState {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly roles: APIRole[];
  /** Channels and threads, in creation order. */
  readonly channels: Map<string, ChannelState>;
  readonly members: Map<string, MemberState>;
  readonly commands: Map<string, APIApplicationCommand>;
  /** The bot's managed role. */
  readonly botRoleId: string;
  readonly teacherRoleId: string;
  readonly studentRoleId: string;
}

/** A message as the stand-in stores it; `data` is what Discord would send. */
export interface StoredMessage {
  data: APIMessage;
  readonly guildId: string | null;
  /** For ephemeral messages: the only user who can see it. */
  readonly ephemeralFor: string | null;
  deleted: boolean;
  /** The interaction whose response or follow-up this is, if any. */
  readonly interactionId: string | null;
  /** Poll votes: answer id → user ids. */
  readonly votes: Map<number, Set<string>>;
}

/** Options for the fixtures. */
export interface WorldOptions {
  /** How many guilds to create (each with the same shape). Default 1. */
  readonly guilds?: number;
  /** Names for the guilds, in order. Default "Class 7B", "Class 7C", ... */
  readonly guildNames?: readonly string[];
  /** How many students (keys student1…studentN). The first three are Alex, Sam and Priya. Default 2. */
  readonly students?: number;
}
