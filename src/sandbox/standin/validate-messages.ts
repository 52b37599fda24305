/**
 * Checks a message body (new or edited) against Discord's limits: content, embeds, poll, allowed
 * mentions, flags and the component tree's totals.
 */
import type { FieldError } from './errors.js';
import * as L from './limits.js';
import {
  Check,
  charCount,
  Component,
  SENDABLE_FLAGS,
  V2_TOP_LEVEL,
  type ComponentWalk,
  type Json,
  type Path,
} from './validate-common.js';
import { checkComponent } from './validate-components.js';

/** What a message body is being checked for. */
export interface MessageCheckOptions {
  /** Where the message sits in the request body, e.g. `['data']` for an interaction callback. */
  readonly prefix?: Path;
  /** For edits: the message before the edit (fields absent from the body keep their old value). */
  readonly previous?: {
    readonly content: string;
    readonly embeds: readonly unknown[];
    readonly components?: readonly unknown[];
    readonly flags?: number;
    readonly poll?: unknown;
  };
}

/** The message fields after the body is applied (for create: the body itself). */
export interface EffectiveMessage {
  readonly content: string;
  readonly embeds: readonly unknown[];
  readonly components: readonly unknown[];
  readonly flags: number;
  readonly hasPoll: boolean;
  readonly hasAttachments: boolean;
}

/** Discord refuses a message with nothing in it (50006). `keptAttachments`: an edit that leaves files. */
export function isEmptyMessage(effective: EffectiveMessage, keptAttachments = false): boolean {
  return (
    effective.content.length === 0 &&
    effective.embeds.length === 0 &&
    effective.components.length === 0 &&
    !effective.hasPoll &&
    !effective.hasAttachments &&
    !keptAttachments
  );
}

/** The message a body produces (create) or leaves behind (edit). */
export function effectiveMessage(body: Json, previous?: MessageCheckOptions['previous']): EffectiveMessage {
  const pick = <T>(key: string, fallback: T): T =>
    key in body && body[key] !== null ? (body[key] as T) : fallback;
  const oldFlags = previous?.flags ?? 0;
  const bodyFlags = typeof body.flags === 'number' ? body.flags & SENDABLE_FLAGS : undefined;
  return {
    content:
      typeof body.content === 'string' ? body.content : 'content' in body ? '' : (previous?.content ?? ''),
    embeds: Array.isArray(body.embeds) ? body.embeds : 'embeds' in body ? [] : (previous?.embeds ?? []),
    components: Array.isArray(body.components)
      ? body.components
      : 'components' in body
        ? []
        : (previous?.components ?? []),
    flags: bodyFlags ?? oldFlags,
    hasPoll:
      pick<unknown>('poll', previous?.poll) !== undefined && pick<unknown>('poll', previous?.poll) !== null,
    hasAttachments: Array.isArray(body.attachments) && body.attachments.length > 0,
  };
}

/** Problems in a message body (create, edit, interaction reply or update, webhook). */
export function checkMessage(body: unknown, options: MessageCheckOptions = {}): FieldError[] {
  const check = new Check();
  const prefix = options.prefix ?? [];
  const at = (...rest: (string | number)[]): Path => [...prefix, ...rest];
  const message = check.obj(body, prefix, true);
  if (!message) return check.problems;

  check.str(message.content, at('content'), { max: L.MESSAGE_CONTENT_MAX });
  const embeds = check.list(message.embeds, at('embeds'), { max: L.MESSAGE_EMBEDS_MAX });
  if (embeds) checkEmbeds(check, embeds, at('embeds'));
  if (message.flags !== undefined && message.flags !== null)
    check.int(message.flags, at('flags'), { min: 0 });
  if (message.poll !== undefined && message.poll !== null) {
    if (options.previous) check.add(at('poll'), 'POLL_EDIT_NOT_ALLOWED', 'Polls cannot be edited.');
    else checkPoll(check, message.poll, at('poll'));
  }
  checkAllowedMentions(check, message.allowed_mentions, at('allowed_mentions'));

  const effective = effectiveMessage(message, options.previous);
  const oldFlags = options.previous?.flags ?? 0;
  if (oldFlags & L.FLAG_IS_COMPONENTS_V2 && !(effective.flags & L.FLAG_IS_COMPONENTS_V2)) {
    check.add(
      at('flags'),
      'MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG',
      'The IS_COMPONENTS_V2 flag cannot be removed once set.',
    );
  }
  const v2 = (effective.flags & L.FLAG_IS_COMPONENTS_V2) !== 0;
  if (v2) {
    const legacy: [string, boolean][] = [
      ['content', effective.content.length > 0],
      ['embeds', effective.embeds.length > 0],
      ['poll', effective.hasPoll],
    ];
    for (const [field, used] of legacy) {
      if (used) {
        check.add(
          at(field),
          'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
          "The 'content', 'embeds', 'stickers', and 'poll' fields cannot be used when creating a message with the IS_COMPONENTS_V2 flag.",
        );
      }
    }
  }
  const components = check.list(message.components, at('components'));
  if (components) checkMessageComponents(check, components, at('components'), v2);
  return check.problems;
}

function checkEmbeds(check: Check, embeds: readonly unknown[], path: Path): void {
  let total = 0;
  embeds.forEach((raw, index) => {
    const embed = check.obj(raw, [...path, index], true);
    if (!embed) return;
    const here = (...rest: (string | number)[]): Path => [...path, index, ...rest];
    const count = (text: string | undefined): void => {
      if (text !== undefined) total += charCount(text);
    };
    count(check.str(embed.title, here('title'), { max: L.EMBED_TITLE_MAX }));
    count(check.str(embed.description, here('description'), { max: L.EMBED_DESCRIPTION_MAX }));
    check.str(embed.url, here('url'), { max: 2048 });
    check.int(embed.color, here('color'), { min: 0, max: 0xffffff });
    const fields = check.list(embed.fields, here('fields'), { max: L.EMBED_FIELDS_MAX });
    fields?.forEach((rawField, f) => {
      const field = check.obj(rawField, here('fields', f), true);
      if (!field) return;
      count(
        check.str(field.name, here('fields', f, 'name'), {
          min: 1,
          max: L.EMBED_FIELD_NAME_MAX,
          required: true,
        }),
      );
      count(
        check.str(field.value, here('fields', f, 'value'), {
          min: 1,
          max: L.EMBED_FIELD_VALUE_MAX,
          required: true,
        }),
      );
    });
    // The footer's text and the author's name: both required, both counted.
    for (const [part, key, max] of [
      ['footer', 'text', L.EMBED_FOOTER_TEXT_MAX],
      ['author', 'name', L.EMBED_AUTHOR_NAME_MAX],
    ] as const) {
      const obj = check.obj(embed[part], here(part));
      if (obj) count(check.str(obj[key], here(part, key), { min: 1, max, required: true }));
    }
  });
  if (total > L.EMBED_TOTAL_CHARS_MAX) {
    check.add(
      path,
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${L.EMBED_TOTAL_CHARS_MAX}`,
    );
  }
}

function checkPoll(check: Check, raw: unknown, path: Path): void {
  const poll = check.obj(raw, path, true);
  if (!poll) return;
  const question = check.obj(poll.question, [...path, 'question'], true);
  if (question) {
    check.str(question.text, [...path, 'question', 'text'], {
      min: 1,
      max: L.POLL_QUESTION_MAX,
      required: true,
    });
  }
  const answers = check.list(poll.answers, [...path, 'answers'], {
    min: 1,
    max: L.POLL_ANSWERS_MAX,
    required: true,
  });
  answers?.forEach((rawAnswer, index) => {
    const answer = check.obj(rawAnswer, [...path, 'answers', index], true);
    const media = answer && check.obj(answer.poll_media, [...path, 'answers', index, 'poll_media'], true);
    if (media) {
      check.str(media.text, [...path, 'answers', index, 'poll_media', 'text'], {
        min: 1,
        max: L.POLL_ANSWER_TEXT_MAX,
        required: true,
      });
    }
  });
  check.int(poll.duration, [...path, 'duration'], { min: 1, max: L.POLL_DURATION_HOURS_MAX });
  check.choice(poll.layout_type, [...path, 'layout_type'], [1]);
}

function checkAllowedMentions(check: Check, raw: unknown, path: Path): void {
  const mentions = check.obj(raw, path);
  if (!mentions) return;
  const parse = check.list(mentions.parse, [...path, 'parse']);
  parse?.forEach((value, index) => {
    if (value !== 'users' && value !== 'roles' && value !== 'everyone') {
      check.add(
        [...path, 'parse', index],
        'BASE_TYPE_CHOICES',
        'Value must be one of {users, roles, everyone}.',
      );
    }
  });
  for (const kind of ['users', 'roles'] as const) {
    const list = check.list(mentions[kind], [...path, kind], { max: 100 });
    if (list && list.length > 0 && parse?.includes(kind)) {
      check.add(
        [...path, 'parse'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
  }
}

function checkMessageComponents(check: Check, components: readonly unknown[], path: Path, v2: boolean): void {
  const walk: ComponentWalk = { total: 0, text: 0, customIds: new Map() };
  if (!v2 && components.length > L.ACTION_ROWS_MAX) {
    check.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${L.ACTION_ROWS_MAX} or fewer in length.`);
  }
  components.forEach((raw, index) => {
    const component = check.obj(raw, [...path, index], true);
    if (!component) return;
    const allowed = v2 ? V2_TOP_LEVEL : new Set([Component.ActionRow]);
    checkComponent(check, component, [...path, index], allowed, walk);
  });
  if (v2 && walk.total > L.COMPONENTS_V2_TOTAL_MAX) {
    check.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${L.COMPONENTS_V2_TOTAL_MAX} or fewer in length.`);
  }
  if (walk.text > L.COMPONENTS_V2_TEXT_MAX) {
    check.add(
      path,
      'MAX_COMPONENT_TEXT_LENGTH_EXCEEDED',
      `Total text display content must be ${L.COMPONENTS_V2_TEXT_MAX} or fewer in length.`,
    );
  }
}
