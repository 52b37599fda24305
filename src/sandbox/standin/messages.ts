/** Turning validated request bodies into the message objects Discord returns and dispatches. */
import {
  MessageReferenceType,
  MessageType,
  PollLayoutType,
  MessageFlags,
  PermissionFlagsBits,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  type APIPoll,
  type APIUser,
} from 'discord-api-types/v10';
import type { FileUpload } from './multipart.js';
import { FLAG_IS_COMPONENTS_V2, POLL_DURATION_HOURS_DEFAULT } from './limits.js';
import { isoTime, type ChannelState, type StandInUser, type StoredMessage, type World } from './state.js';
import {
  FLAG_EPHEMERAL,
  FLAG_LOADING,
  SENDABLE_FLAGS,
  isRecord,
  type MessageCheckOptions,
} from './validate.js';
import { wire } from './wire.js';

type Json = Record<string, unknown>;

/** Flags an edit may turn on or off. Ephemeral is fixed at creation; Components V2 can only be turned on. */
const EDITABLE_FLAGS = SENDABLE_FLAGS & ~FLAG_EPHEMERAL & ~FLAG_IS_COMPONENTS_V2;

/** Extra fields for messages sent in answer to an interaction. */
export interface InteractionMessageExtra {
  readonly metadata: APIMessageInteractionMetadata;
  /** The deprecated `interaction` field, for application commands. */
  readonly commandName?: string;
}

/** How a message comes to be. */
export interface NewMessage {
  readonly channel: ChannelState;
  readonly author: StandInUser;
  /** A validated body (content, embeds, components, flags, poll, allowed_mentions, message_reference). */
  readonly body: Json;
  readonly type?: MessageType;
  /** Flags forced on top of the body's (e.g. ephemeral, loading). */
  readonly extraFlags?: number;
  readonly interaction?: InteractionMessageExtra;
  /** Files sent with the message (multipart `files[n]`). */
  readonly files?: readonly FileUpload[];
}

/**
 * The attachments a message ends up with: the existing ones the body's `attachments` keeps (all of
 * them when it names none), then one per uploaded file, named and described by the body's entry whose
 * `id` is the file's index, as Discord does.
 */
export function messageAttachments(
  world: World,
  channelId: string,
  body: Json,
  files: readonly FileUpload[],
  existing: readonly APIAttachment[] = [],
): APIAttachment[] {
  const listed = Array.isArray(body.attachments) ? body.attachments.filter(isRecord) : undefined;
  const keptIds = new Set(listed?.map((entry) => String(entry.id)));
  const kept = listed ? existing.filter((a) => keptIds.has(a.id)) : [...existing];
  const added = files.map((file) => {
    const entry = listed?.find((candidate) => String(candidate.id) === String(file.index));
    const filename = typeof entry?.filename === 'string' ? entry.filename : file.filename;
    const description = typeof entry?.description === 'string' ? entry.description : undefined;
    const upload = { filename, bytes: file.bytes, contentType: file.contentType };
    return world.attachments.store(world.mintId(), channelId, upload, description);
  });
  return [...kept, ...added];
}

/** A poll as Discord returns it, built from the request's poll body. */
export function buildPoll(body: Json, nowMs: number): APIPoll {
  const question = isRecord(body.question) ? body.question : {};
  const answers = Array.isArray(body.answers) ? body.answers : [];
  const hours = typeof body.duration === 'number' ? body.duration : POLL_DURATION_HOURS_DEFAULT;
  return {
    question: { text: typeof question.text === 'string' ? question.text : '' },
    answers: answers.map((answer, index) => {
      const media = isRecord(answer) && isRecord(answer.poll_media) ? answer.poll_media : {};
      return {
        answer_id: index + 1,
        poll_media: {
          text: typeof media.text === 'string' ? media.text : '',
          ...(isRecord(media.emoji)
            ? { emoji: media.emoji as { id: string | null; name: string | null } }
            : {}),
        },
      };
    }),
    expiry: isoTime(nowMs + hours * 3_600_000),
    allow_multiselect: body.allow_multiselect === true,
    layout_type: PollLayoutType.Default,
    results: { is_finalized: false, answer_counts: [] },
  };
}

/** Recomputes a poll's `results` from the stored votes. */
export function refreshPollResults(stored: StoredMessage, finalized = false): void {
  const poll = stored.data.poll;
  if (!poll) return;
  poll.results = {
    is_finalized: finalized || (poll.results?.is_finalized ?? false),
    answer_counts: [...stored.votes.entries()]
      .filter(([, voters]) => voters.size > 0)
      .map(([id, voters]) => ({ id, count: voters.size, me_voted: false })),
  };
}

interface Mentions {
  readonly mentions: APIUser[];
  readonly mention_roles: string[];
  readonly mention_everyone: boolean;
}

/**
 * Who a message pings, honouring `allowed_mentions` like Discord: without it every `<@id>`, `<@&id>` and
 * `@everyone` in the content counts (`@everyone` only if the author may mention everyone).
 */
export function computeMentions(
  world: World,
  channel: ChannelState,
  author: StandInUser,
  body: Json,
  content: string,
): Mentions {
  const allowed = isRecord(body.allowed_mentions) ? body.allowed_mentions : undefined;
  const parse = allowed && Array.isArray(allowed.parse) ? (allowed.parse as unknown[]) : undefined;
  const listed = (kind: 'users' | 'roles', id: string): boolean =>
    !allowed ||
    (parse?.includes(kind) ?? false) ||
    (Array.isArray(allowed[kind]) && (allowed[kind] as unknown[]).includes(id));
  const guild = world.guilds.get(channel.guildId);
  const users = new Map<string, APIUser>();
  for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
    const id = match[1] ?? '';
    const user = world.users.get(id);
    if (user && listed('users', id)) users.set(id, world.userJSON(user));
  }
  const roles = new Set<string>();
  for (const match of content.matchAll(/<@&(\d{17,20})>/g)) {
    const id = match[1] ?? '';
    if (guild?.roles.some((role) => role.id === id) && listed('roles', id)) roles.add(id);
  }
  const mayPingEveryone =
    guild !== undefined &&
    (world.memberPermissions(guild, author.id) & PermissionFlagsBits.MentionEveryone) !== 0n;
  const everyone =
    /@(everyone|here)\b/.test(content) &&
    mayPingEveryone &&
    (!allowed || (parse?.includes('everyone') ?? false));
  return { mentions: [...users.values()], mention_roles: [...roles], mention_everyone: everyone };
}

/** Builds (but does not store) a new message. */
export function buildMessage(world: World, spec: NewMessage): APIMessage {
  const { body, channel, author } = spec;
  const now = world.now();
  const content = typeof body.content === 'string' ? body.content : '';
  const flags = ((typeof body.flags === 'number' ? body.flags : 0) & SENDABLE_FLAGS) | (spec.extraFlags ?? 0);
  const reference = isRecord(body.message_reference) ? body.message_reference : undefined;
  const referenced =
    reference && typeof reference.message_id === 'string'
      ? world.liveMessage(reference.message_id)
      : undefined;
  const message: APIMessage = {
    id: world.mintId(),
    type: spec.type ?? (referenced ? MessageType.Reply : MessageType.Default),
    channel_id: channel.id,
    author: world.userJSON(author),
    content,
    timestamp: isoTime(now),
    edited_timestamp: null,
    tts: body.tts === true,
    ...computeMentions(world, channel, author, body, content),
    mention_channels: [],
    attachments: messageAttachments(world, channel.id, body, spec.files ?? []),
    embeds: Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [],
    components: Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [],
    pinned: false,
    flags: wire(MessageFlags, flags),
    ...(isRecord(body.poll) ? { poll: buildPoll(body.poll, now) } : {}),
    ...(typeof body.nonce === 'string' || typeof body.nonce === 'number' ? { nonce: body.nonce } : {}),
  };
  if (referenced) {
    message.message_reference = {
      type: MessageReferenceType.Default,
      message_id: referenced.data.id,
      channel_id: referenced.data.channel_id,
      guild_id: channel.guildId,
    };
    message.referenced_message = referenced.data;
  }
  if (spec.interaction) {
    message.webhook_id = world.applicationId;
    message.application_id = world.applicationId;
    message.interaction_metadata = spec.interaction.metadata;
    if (spec.interaction.commandName !== undefined) {
      // Discord still sends the deprecated `interaction` field, and discord.js still reads it.
      Object.assign(message, {
        interaction: {
          id: spec.interaction.metadata.id,
          type: spec.interaction.metadata.type,
          name: spec.interaction.commandName,
          user: spec.interaction.metadata.user,
        },
      });
    }
  }
  return message;
}

/**
 * Applies a validated edit body to a stored message: fields in the body replace the old ones, absent
 * fields stay. Ephemeral and Components V2 flags can never be removed; the loading flag is cleared.
 */
export function applyEdit(
  world: World,
  stored: StoredMessage,
  body: Json,
  files: readonly FileUpload[] = [],
): void {
  const message = stored.data;
  const wasLoading = ((message.flags ?? 0) & FLAG_LOADING) !== 0;
  if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) message.embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
  if ('components' in body) {
    message.components = Array.isArray(body.components)
      ? (body.components as APIMessageTopLevelComponent[])
      : [];
  }
  if ('attachments' in body || files.length > 0) {
    message.attachments = messageAttachments(world, message.channel_id, body, files, message.attachments);
  }
  const old = message.flags ?? 0;
  const keep = old & (FLAG_EPHEMERAL | FLAG_IS_COMPONENTS_V2);
  const asked = typeof body.flags === 'number' ? body.flags : old;
  message.flags = wire(MessageFlags, keep | (asked & EDITABLE_FLAGS) | (asked & FLAG_IS_COMPONENTS_V2));
  const channel = world.channels.get(message.channel_id);
  const author = world.users.get(message.author.id);
  if (channel && author && ('content' in body || 'allowed_mentions' in body)) {
    Object.assign(message, computeMentions(world, channel, author, body, message.content));
  }
  if (!wasLoading) message.edited_timestamp = isoTime(world.now());
}

/** What an edit of `stored` is checked against: the fields an edit may leave out and keep. */
export function previousMessage(stored: StoredMessage): NonNullable<MessageCheckOptions['previous']> {
  return {
    content: stored.data.content,
    embeds: stored.data.embeds,
    components: stored.data.components ?? [],
    flags: stored.data.flags ?? 0,
    poll: stored.data.poll,
  };
}
