/**
 * Checks request bodies against Discord's documented limits ({@link ./limits.ts}) and reports problems
 * as Discord does: a path into the body, an error code string and a message.
 *
 * Lengths are counted in Unicode code points, as Discord counts characters.
 */
import type { FieldError } from './errors.js';
import * as L from './limits.js';

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

/** Message flags a bot may set when sending (others are ignored, as Discord does). */
export const FLAG_SUPPRESS_EMBEDS = 1 << 2;
export const FLAG_EPHEMERAL = 1 << 6;
/** Set on a deferred ("thinking") interaction response until it is edited. */
export const FLAG_LOADING = 1 << 7;
export const FLAG_SUPPRESS_NOTIFICATIONS = 1 << 12;
export const FLAG_IS_VOICE_MESSAGE = 1 << 13;
export const SENDABLE_FLAGS =
  FLAG_SUPPRESS_EMBEDS |
  FLAG_EPHEMERAL |
  FLAG_SUPPRESS_NOTIFICATIONS |
  FLAG_IS_VOICE_MESSAGE |
  L.FLAG_IS_COMPONENTS_V2;

/** Component types (Discord's numbers). */
export const Component = {
  ActionRow: 1,
  Button: 2,
  StringSelect: 3,
  TextInput: 4,
  UserSelect: 5,
  RoleSelect: 6,
  MentionableSelect: 7,
  ChannelSelect: 8,
  Section: 9,
  TextDisplay: 10,
  Thumbnail: 11,
  MediaGallery: 12,
  File: 13,
  Separator: 14,
  Container: 17,
  Label: 18,
} as const;

const SELECT_TYPES: ReadonlySet<number> = new Set([
  Component.StringSelect,
  Component.UserSelect,
  Component.RoleSelect,
  Component.MentionableSelect,
  Component.ChannelSelect,
]);
const V2_TOP_LEVEL: ReadonlySet<number> = new Set([
  Component.ActionRow,
  Component.Section,
  Component.TextDisplay,
  Component.MediaGallery,
  Component.File,
  Component.Separator,
  Component.Container,
]);
const CONTAINER_CHILDREN: ReadonlySet<number> = new Set([
  Component.ActionRow,
  Component.Section,
  Component.TextDisplay,
  Component.MediaGallery,
  Component.File,
  Component.Separator,
]);

/** Character count as Discord sees it (code points). */
export function charCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) index += 1; // surrogate pair
    count += 1;
  }
  return count;
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface LengthRule {
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
}

/** Collects problems while walking a body. */
class Check {
  readonly problems: FieldError[] = [];

  add(path: Path, code: string, message: string): void {
    this.problems.push({ path: [...path], code, message });
  }

  private length(count: number, path: Path, rule: LengthRule): void {
    const { min, max } = rule;
    if (min !== undefined && max !== undefined && min > 0 && (count < min || count > max)) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    } else if (max !== undefined && count > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    } else if (min !== undefined && count < min) {
      this.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
    }
  }

  private missing(value: unknown, path: Path, required: boolean | undefined): boolean {
    if (value !== undefined && value !== null) return false;
    if (required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return true;
  }

  str(value: unknown, path: Path, rule: LengthRule = {}): string | undefined {
    if (this.missing(value, path, rule.required)) return undefined;
    if (typeof value !== 'string') {
      this.add(path, 'STRING_TYPE_CONVERT', `Could not interpret "${String(value)}" as string.`);
      return undefined;
    }
    this.length(charCount(value), path, rule);
    return value;
  }

  int(value: unknown, path: Path, rule: LengthRule = {}): number | undefined {
    if (this.missing(value, path, rule.required)) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
      return undefined;
    }
    if (rule.max !== undefined && value > rule.max) {
      this.add(path, 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${rule.max}.`);
    } else if (rule.min !== undefined && value < rule.min) {
      this.add(path, 'NUMBER_TYPE_MIN', `int value should be greater than or equal to ${rule.min}.`);
    }
    return value;
  }

  list(value: unknown, path: Path, rule: LengthRule = {}): unknown[] | undefined {
    if (this.missing(value, path, rule.required)) return undefined;
    if (!Array.isArray(value)) {
      this.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      return undefined;
    }
    this.length(value.length, path, rule);
    return value as unknown[];
  }

  obj(value: unknown, path: Path, required = false): Json | undefined {
    if (this.missing(value, path, required)) return undefined;
    if (!isRecord(value)) {
      this.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return undefined;
    }
    return value;
  }

  choice(value: unknown, path: Path, allowed: readonly number[]): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !allowed.includes(value)) {
      this.add(path, 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Messages

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

/** Walks components, counting them and collecting custom ids and text display characters. */
interface ComponentWalk {
  total: number;
  text: number;
  readonly customIds: Map<string, Path>;
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

function checkCustomId(
  check: Check,
  value: unknown,
  path: Path,
  walk: ComponentWalk,
  required: boolean,
): void {
  const id = check.str(value, path, { min: L.CUSTOM_ID_MIN, max: L.CUSTOM_ID_MAX, required });
  if (id === undefined) return;
  if (walk.customIds.has(id)) {
    check.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  } else {
    walk.customIds.set(id, path);
  }
}

function checkComponent(
  check: Check,
  component: Json,
  path: Path,
  allowed: ReadonlySet<number>,
  walk: ComponentWalk,
): void {
  walk.total += 1;
  const type = component.type;
  if (typeof type !== 'number' || !allowed.has(type)) {
    check.add(
      [...path, 'type'],
      'UNION_TYPE_CHOICES',
      `Value of field "type" must be one of (${[...allowed].join(', ')}).`,
    );
    return;
  }
  const child = (key: string, index: number): Path => [...path, key, index];
  switch (type) {
    case Component.ActionRow: {
      const items = check.list(component.components, [...path, 'components'], {
        min: 1,
        max: L.ROW_BUTTONS_MAX,
        required: true,
      });
      if (!items) return;
      const hasSelect = items.some((item) => isRecord(item) && SELECT_TYPES.has(Number(item.type)));
      if (hasSelect && items.length > 1) {
        check.add(
          [...path, 'components'],
          'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
          'The specified component exceeds the maximum width',
        );
      }
      items.forEach((item, index) => {
        const inner = check.obj(item, child('components', index), true);
        if (inner)
          checkComponent(
            check,
            inner,
            child('components', index),
            new Set([Component.Button, ...SELECT_TYPES]),
            walk,
          );
      });
      return;
    }
    case Component.Button: {
      check.choice(component.style, [...path, 'style'], [1, 2, 3, 4, 5, 6]);
      check.str(component.label, [...path, 'label'], { max: L.BUTTON_LABEL_MAX });
      const style = component.style;
      if (style === 5) {
        check.str(component.url, [...path, 'url'], { min: 1, max: 512, required: true });
        if (component.custom_id !== undefined) {
          check.add(
            [...path, 'custom_id'],
            'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
            'A link button cannot have a custom_id',
          );
        }
      } else if (style !== 6) {
        checkCustomId(check, component.custom_id, [...path, 'custom_id'], walk, true);
      }
      return;
    }
    case Component.Section: {
      const texts = check.list(component.components, [...path, 'components'], {
        min: 1,
        max: 3,
        required: true,
      });
      texts?.forEach((item, index) => {
        const inner = check.obj(item, child('components', index), true);
        if (inner)
          checkComponent(check, inner, child('components', index), new Set([Component.TextDisplay]), walk);
      });
      const accessory = check.obj(component.accessory, [...path, 'accessory'], true);
      if (accessory) {
        checkComponent(
          check,
          accessory,
          [...path, 'accessory'],
          new Set([Component.Button, Component.Thumbnail]),
          walk,
        );
      }
      return;
    }
    case Component.TextDisplay: {
      const content = check.str(component.content, [...path, 'content'], { min: 1, required: true });
      if (content !== undefined) walk.text += charCount(content);
      return;
    }
    case Component.MediaGallery: {
      check.list(component.items, [...path, 'items'], { min: 1, max: 10, required: true });
      return;
    }
    case Component.Container: {
      const items = check.list(component.components, [...path, 'components'], { min: 1, required: true });
      items?.forEach((item, index) => {
        const inner = check.obj(item, child('components', index), true);
        if (inner) checkComponent(check, inner, child('components', index), CONTAINER_CHILDREN, walk);
      });
      return;
    }
    case Component.Thumbnail:
    case Component.File:
    case Component.Separator:
      return;
    default: {
      // A select menu.
      checkCustomId(check, component.custom_id, [...path, 'custom_id'], walk, true);
      check.str(component.placeholder, [...path, 'placeholder'], { max: L.SELECT_PLACEHOLDER_MAX });
      check.int(component.min_values, [...path, 'min_values'], { min: 0, max: L.SELECT_VALUES_MAX });
      check.int(component.max_values, [...path, 'max_values'], { min: 1, max: L.SELECT_VALUES_MAX });
      if (type === Component.StringSelect) {
        const options = check.list(component.options, [...path, 'options'], {
          min: 1,
          max: L.SELECT_OPTIONS_MAX,
          required: true,
        });
        options?.forEach((raw, index) => {
          const option = check.obj(raw, child('options', index), true);
          if (!option) return;
          const text = { min: 1, max: L.SELECT_OPTION_TEXT_MAX, required: true };
          check.str(option.label, [...child('options', index), 'label'], text);
          check.str(option.value, [...child('options', index), 'value'], text);
          check.str(option.description, [...child('options', index), 'description'], {
            max: L.SELECT_OPTION_TEXT_MAX,
          });
        });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Interaction responses other than messages

/** Problems in an autocomplete result (`{ choices }`), reported under `data`. */
export function checkAutocomplete(data: unknown): FieldError[] {
  const check = new Check();
  const body = check.obj(data, ['data'], true);
  if (!body) return check.problems;
  const choices = check.list(body.choices, ['data', 'choices'], {
    max: L.AUTOCOMPLETE_CHOICES_MAX,
    required: true,
  });
  choices?.forEach((raw, index) => {
    checkChoice(check, raw, ['data', 'choices', index]);
  });
  return check.problems;
}

function checkChoice(check: Check, raw: unknown, path: Path): void {
  const choice = check.obj(raw, path, true);
  if (!choice) return;
  check.str(choice.name, [...path, 'name'], {
    min: L.CHOICE_NAME_MIN,
    max: L.CHOICE_NAME_MAX,
    required: true,
  });
  if (typeof choice.value === 'string') {
    check.str(choice.value, [...path, 'value'], { max: L.CHOICE_STRING_VALUE_MAX });
  } else if (typeof choice.value !== 'number') {
    check.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  }
}

/** Problems in a modal (`{ custom_id, title, components }`), reported under `data`. */
export function checkModal(data: unknown): FieldError[] {
  const check = new Check();
  const modal = check.obj(data, ['data'], true);
  if (!modal) return check.problems;
  const walk: ComponentWalk = { total: 0, text: 0, customIds: new Map() };
  checkCustomId(check, modal.custom_id, ['data', 'custom_id'], walk, true);
  check.str(modal.title, ['data', 'title'], { min: 1, max: L.MODAL_TITLE_MAX, required: true });
  const items = check.list(modal.components, ['data', 'components'], {
    min: 1,
    max: L.MODAL_COMPONENTS_MAX,
    required: true,
  });
  const customIds: ComponentWalk = { total: 0, text: 0, customIds: new Map() };
  items?.forEach((raw, index) => {
    const path: Path = ['data', 'components', index];
    const item = check.obj(raw, path, true);
    if (!item) return;
    if (item.type === Component.ActionRow) {
      const inputs = check.list(item.components, [...path, 'components'], { min: 1, max: 1, required: true });
      const input = inputs && check.obj(inputs[0], [...path, 'components', 0], true);
      if (input) checkTextInput(check, input, [...path, 'components', 0], customIds, true);
    } else if (item.type === Component.Label) {
      check.str(item.label, [...path, 'label'], { min: 1, max: L.TEXT_INPUT_LABEL_MAX, required: true });
      check.str(item.description, [...path, 'description'], { max: 100 });
      const inner = check.obj(item.component, [...path, 'component'], true);
      if (inner?.type === Component.TextInput)
        checkTextInput(check, inner, [...path, 'component'], customIds, false);
      else if (inner)
        checkCustomId(check, inner.custom_id, [...path, 'component', 'custom_id'], customIds, true);
    } else if (item.type !== Component.TextDisplay) {
      check.add([...path, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1, 10, 18).');
    }
  });
  return check.problems;
}

function checkTextInput(
  check: Check,
  input: Json,
  path: Path,
  walk: ComponentWalk,
  needsLabel: boolean,
): void {
  if (input.type !== Component.TextInput) {
    check.add([...path, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (4).');
    return;
  }
  checkCustomId(check, input.custom_id, [...path, 'custom_id'], walk, true);
  check.choice(input.style, [...path, 'style'], [1, 2]);
  check.str(input.label, [...path, 'label'], { min: 1, max: L.TEXT_INPUT_LABEL_MAX, required: needsLabel });
  check.str(input.placeholder, [...path, 'placeholder'], { max: 100 });
  check.str(input.value, [...path, 'value'], { max: L.TEXT_INPUT_VALUE_MAX });
  check.int(input.min_length, [...path, 'min_length'], { min: 0, max: L.TEXT_INPUT_VALUE_MAX });
  check.int(input.max_length, [...path, 'max_length'], { min: 1, max: L.TEXT_INPUT_VALUE_MAX });
}

// ---------------------------------------------------------------------------------------------------------
// Threads

/** Problems in a thread creation body. `fromMessage` threads take no `type`. */
export function checkThread(body: unknown, fromMessage: boolean): FieldError[] {
  const check = new Check();
  const thread = check.obj(body, [], true);
  if (!thread) return check.problems;
  check.str(thread.name, ['name'], { min: 1, max: L.THREAD_NAME_MAX, required: true });
  check.choice(thread.auto_archive_duration, ['auto_archive_duration'], L.THREAD_AUTO_ARCHIVE_DURATIONS);
  check.int(thread.rate_limit_per_user, ['rate_limit_per_user'], { min: 0, max: L.SLOWMODE_MAX });
  if (!fromMessage) check.choice(thread.type, ['type'], [10, 11, 12]);
  return check.problems;
}

// ---------------------------------------------------------------------------------------------------------
// Application commands

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const CHAT_INPUT = 1;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const STRING_OPTION = 3;

/** Problems in a bulk command overwrite (`PUT .../commands`), reported under each command's index. */
export function checkCommands(body: unknown): FieldError[] {
  const check = new Check();
  const commands = check.list(body, [], { max: L.COMMANDS_PER_SCOPE_MAX, required: true });
  if (!commands) return check.problems;
  const seen = new Set<string>();
  commands.forEach((raw, index) => {
    commandProblems(check, raw, [index]);
    if (isRecord(raw) && typeof raw.name === 'string') {
      const key = `${typeof raw.type === 'number' ? raw.type : CHAT_INPUT}:${raw.name}`;
      if (seen.has(key)) {
        check.add(
          [index, 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          'Application command names must be unique',
        );
      }
      seen.add(key);
    }
  });
  return check.problems;
}

/** Problems in one command (`POST .../commands`). */
export function checkCommand(raw: unknown): FieldError[] {
  const check = new Check();
  commandProblems(check, raw, []);
  return check.problems;
}

function commandProblems(own: Check, raw: unknown, path: Path): void {
  const command = own.obj(raw, path, true);
  if (!command) return;
  const type = command.type ?? CHAT_INPUT;
  own.choice(type, [...path, 'type'], [1, 2, 3, 4]);
  checkName(own, command.name, [...path, 'name'], type === CHAT_INPUT);
  if (type === CHAT_INPUT) {
    own.str(command.description, [...path, 'description'], {
      min: 1,
      max: L.COMMAND_DESCRIPTION_MAX,
      required: true,
    });
  } else if (typeof command.description === 'string' && command.description.length > 0) {
    own.add(
      [...path, 'description'],
      'APPLICATION_COMMAND_INVALID_DESCRIPTION',
      'Context menu commands cannot have a description',
    );
  }
  const permissions = command.default_member_permissions;
  if (
    permissions !== undefined &&
    permissions !== null &&
    (typeof permissions !== 'string' || !/^\d+$/.test(permissions))
  ) {
    own.add([...path, 'default_member_permissions'], 'PERMISSIONS_TYPE_CONVERT', 'Invalid permission value.');
  }
  checkOptions(own, command.options, [...path, 'options'], 0);
  if (commandSize(command) > L.COMMAND_TOTAL_CHARS_MAX) {
    own.add(
      path,
      'APPLICATION_COMMAND_TOO_LARGE',
      `Command exceeds maximum size (${L.COMMAND_TOTAL_CHARS_MAX})`,
    );
  }
}

function checkName(check: Check, value: unknown, path: Path, lowercase: boolean): void {
  const name = check.str(value, path, { min: 1, max: L.COMMAND_NAME_MAX, required: true });
  if (name === undefined || charCount(name) > L.COMMAND_NAME_MAX) return;
  if (!NAME_PATTERN.test(name) || (lowercase && name !== name.toLowerCase())) {
    check.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkOptions(check: Check, raw: unknown, path: Path, depth: number): void {
  const options = check.list(raw, path, { max: L.COMMAND_OPTIONS_MAX });
  if (!options) return;
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((rawOption, index) => {
    const here: Path = [...path, index];
    const option = check.obj(rawOption, here, true);
    if (!option) return;
    const type = option.type;
    check.choice(type, [...here, 'type'], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    checkName(check, option.name, [...here, 'name'], true);
    check.str(option.description, [...here, 'description'], {
      min: 1,
      max: L.COMMAND_DESCRIPTION_MAX,
      required: true,
    });
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        check.add(
          [...here, 'name'],
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          `Option name ${option.name} is already used in these options`,
        );
      }
      names.add(option.name);
    }
    const nested = type === SUB_COMMAND || type === SUB_COMMAND_GROUP;
    if (nested) {
      if ((type === SUB_COMMAND_GROUP && depth > 0) || (type === SUB_COMMAND && depth > 1)) {
        check.add(
          [...here, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-command nesting is invalid',
        );
      }
      checkOptions(check, option.options, [...here, 'options'], depth + 1);
      return;
    }
    if (option.required === true && sawOptional) {
      check.add(
        [...here, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option.required !== true) sawOptional = true;
    const choices = check.list(option.choices, [...here, 'choices'], { max: L.COMMAND_CHOICES_MAX });
    choices?.forEach((choice, c) => {
      checkChoice(check, choice, [...here, 'choices', c]);
      if (type !== STRING_OPTION && isRecord(choice) && typeof choice.value === 'string') {
        check.add(
          [...here, 'choices', c, 'value'],
          'NUMBER_TYPE_COERCE',
          `Value "${choice.value}" is not a number.`,
        );
      }
    });
    if (option.autocomplete === true && choices && choices.length > 0) {
      check.add(
        [...here, 'autocomplete'],
        'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
        'Autocomplete cannot be enabled on an option with choices',
      );
    }
  });
}

/** Characters that count toward the 8000 limit: names, descriptions, choice names and values. */
function commandSize(node: Json): number {
  let size = 0;
  for (const key of ['name', 'description'] as const) {
    const value = node[key];
    if (typeof value === 'string') size += charCount(value);
  }
  if (Array.isArray(node.choices)) {
    for (const choice of node.choices) {
      if (!isRecord(choice)) continue;
      if (typeof choice.name === 'string') size += charCount(choice.name);
      if (typeof choice.value === 'string') size += charCount(choice.value);
    }
  }
  if (Array.isArray(node.options)) {
    for (const option of node.options) if (isRecord(option)) size += commandSize(option);
  }
  return size;
}
