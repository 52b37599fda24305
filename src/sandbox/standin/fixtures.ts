/**
 * The stand-in's fixtures: the bot, the teacher and the students, and guilds shaped like "Class 7B"
 * (roles, #general and #discussion, every user a member). Fixture ids are deterministic.
 */
import { ChannelType, PermissionFlagsBits, RoleFlags, type APIRole } from 'discord-api-types/v10';
import { DISCORD_EPOCH_MS, SnowflakeMinter } from './snowflake.js';
import type { ChannelState, GuildState, StandInUser, WorldOptions } from './world-types.js';
import { isoTime, LEGACY_ROLE_FIELDS, wire } from './wire.js';

/** Fixture time: the Monday the school year starts. Fixture ids are deterministic. */
export const FIXTURE_BASE_MS = Date.UTC(2024, 8, 2, 8, 0, 0);
/**
 * Guild i gets timestamp part `k·2520 + i`: 2520 is divisible by every shard count from 1 to 10, so guild i
 * lands on shard `i % shardCount` under Discord's formula for those counts.
 */
const GUILD_ID_ALIGNMENT = 2520;

/** Permissions of the fixture roles. */
export const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads;
export const TEACHER_PERMISSIONS =
  PermissionFlagsBits.ManageMessages |
  PermissionFlagsBits.ManageThreads |
  PermissionFlagsBits.MentionEveryone |
  PermissionFlagsBits.KickMembers |
  PermissionFlagsBits.ModerateMembers |
  PermissionFlagsBits.CreatePrivateThreads;
export const STUDENT_PERMISSIONS = 0n;
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.ManageThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis;
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

function guildName(index: number, names: readonly string[] | undefined): string {
  return names?.[index] ?? `Class 7${String.fromCharCode(66 + index)}`;
}

/** The fixture users and guilds, with each guild's channels (for the world to register). */
export interface Fixtures {
  readonly users: readonly StandInUser[];
  readonly bot: StandInUser;
  readonly guilds: readonly { guild: GuildState; channels: readonly ChannelState[] }[];
}

export function buildFixtures(options: WorldOptions, applicationName: string): Fixtures {
  const minter = new SnowflakeMinter(0n, 0n);
  let t = FIXTURE_BASE_MS;
  const users: StandInUser[] = [];
  const user = (key: string, username: string, globalName: string | null, bot = false): StandInUser => {
    const created: StandInUser = { key, id: minter.mint(t++), username, globalName, bot };
    users.push(created);
    return created;
  };
  const bot = user('bot', 'discussion-guide', 'Discussion Guide', true);
  const teacher = user('teacher', 'ms.rivera', 'Ms Rivera');
  const students = [user('student1', 'alex.k', 'Alex'), user('student2', 'sam.t', 'Sam')];
  // A third student has a name of her own, so that a card's "Student 3" pseudonym can never be her name.
  if ((options.students ?? 2) >= 3) students.push(user('student3', 'priya.n', 'Priya'));
  for (let n = 4; n <= (options.students ?? 2); n += 1) {
    students.push(user(`student${n}`, `student.${n}`, `Student ${n}`));
  }
  const count = Math.max(1, options.guilds ?? 1);
  const sinceEpoch = t - DISCORD_EPOCH_MS;
  const aligned = DISCORD_EPOCH_MS + Math.ceil(sinceEpoch / GUILD_ID_ALIGNMENT) * GUILD_ID_ALIGNMENT;
  const guilds = Array.from({ length: count }, (_, index) =>
    fixtureGuild({ minter, at: aligned + index, index, options, applicationName, bot, teacher, students }),
  );
  return { users, bot, guilds };
}

interface GuildSpec {
  readonly minter: SnowflakeMinter;
  /** The timestamp part of the guild's ids. */
  readonly at: number;
  readonly index: number;
  readonly options: WorldOptions;
  readonly applicationName: string;
  readonly bot: StandInUser;
  readonly teacher: StandInUser;
  readonly students: readonly StandInUser[];
}

function fixtureGuild(spec: GuildSpec): { guild: GuildState; channels: ChannelState[] } {
  const { minter, at, bot, teacher, students } = spec;
  const id = minter.mint(at);
  const role = (name: string, position: number, permissions: bigint, extra: Partial<APIRole> = {}) => {
    const created: APIRole = {
      id: position === 0 ? id : minter.mint(at),
      name,
      ...LEGACY_ROLE_FIELDS,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: position > 0 && !extra.managed,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: permissions.toString(),
      managed: false,
      mentionable: false,
      flags: wire(RoleFlags, 0),
      ...extra,
    };
    return created;
  };
  const everyone = role('@everyone', 0, EVERYONE_PERMISSIONS);
  const studentRole = role('Student', 1, STUDENT_PERMISSIONS);
  const teacherRole = role('Teacher', 2, TEACHER_PERMISSIONS);
  const botRole = role(spec.applicationName, 3, BOT_PERMISSIONS, {
    managed: true,
    tags: { bot_id: bot.id },
  });
  const guild: GuildState = {
    id,
    name: guildName(spec.index, spec.options.guildNames),
    ownerId: teacher.id,
    roles: [everyone, studentRole, teacherRole, botRole],
    channels: new Map(),
    members: new Map(),
    commands: new Map(),
    botRoleId: botRole.id,
    teacherRoleId: teacherRole.id,
    studentRoleId: studentRole.id,
  };
  const topics: [string, string][] = [
    ['general', 'Announcements and questions for the class.'],
    ['discussion', 'Discuss this week’s articles. Quote the text, then say what you think.'],
  ];
  const channels = topics.map(([name, topic], position): ChannelState => ({
    id: minter.mint(at),
    guildId: id,
    type: ChannelType.GuildText,
    name,
    position,
    topic,
    parentId: null,
    rateLimitPerUser: 0,
    messageIds: [],
    lastMessageId: null,
    totalMessageSent: 0,
    thread: null,
  }));
  const joinedAt = isoTime(FIXTURE_BASE_MS);
  const member = (userId: string, roles: string[]) =>
    guild.members.set(userId, { userId, roles, joinedAt, nick: null });
  member(bot.id, [botRole.id]);
  member(teacher.id, [teacherRole.id]);
  for (const student of students) member(student.id, [studentRole.id]);
  return { guild, channels };
}
