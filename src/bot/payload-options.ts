/**
 * Turns a rendered payload into discord.js options (for a reply, an edit, an update or a new
 * message). Nothing else talks to Discord's message shape.
 */
import {
  MessageFlags,
  type AttachmentPayload,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageCreateOptions,
  type PollData,
} from 'discord.js';
import type { Payload } from '../render/payload.js';

function poll(p: Payload): { poll?: PollData } {
  if (!p.poll) return {};
  return {
    poll: {
      question: { text: p.poll.question.text ?? '' },
      answers: p.poll.answers.map((a) => ({ text: a.poll_media.text ?? '' })),
      duration: p.poll.duration ?? 24,
      allowMultiselect: p.poll.allow_multiselect ?? false,
    },
  };
}

/** The payload's files as discord.js uploads them (multipart, one part per file). */
function files(p: Payload): { files?: AttachmentPayload[] } {
  if (!p.files?.length) return {};
  return {
    files: p.files.map((f) => ({
      attachment: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
      name: f.name,
      ...(f.description !== undefined && { description: f.description }),
    })),
  };
}

function body(p: Payload) {
  return {
    ...(p.content !== undefined && { content: p.content }),
    embeds: p.embeds ?? [],
    components: p.components ?? [],
    ...files(p),
    allowedMentions: { parse: [] },
  } satisfies MessageCreateOptions;
}

export function replyOptions(p: Payload): InteractionReplyOptions {
  return { ...body(p), ...poll(p), ...(p.ephemeral && { flags: MessageFlags.Ephemeral }) };
}

export function editOptions(p: Payload): InteractionEditReplyOptions {
  return { ...body(p), content: p.content ?? '' };
}

export function updateOptions(p: Payload): InteractionUpdateOptions {
  return { ...body(p), content: p.content ?? '' };
}

export function messageOptions(p: Payload): MessageCreateOptions {
  return { ...body(p), ...poll(p) };
}
