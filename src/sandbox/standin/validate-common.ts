/**
 * What every body check is made of: Discord's flag and component numbers, the `Check` that collects
 * problems as Discord reports them (a path into the body, an error code string and a message), and
 * character counting. Lengths are counted in Unicode code points, as Discord counts characters.
 */
import type { FieldError } from './errors.js';
import * as L from './limits.js';

export type Path = readonly (string | number)[];
export type Json = Record<string, unknown>;

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

export const SELECT_TYPES: ReadonlySet<number> = new Set([
  Component.StringSelect,
  Component.UserSelect,
  Component.RoleSelect,
  Component.MentionableSelect,
  Component.ChannelSelect,
]);
/** What a container holds: the top-level layout components of a v2 message, except containers. */
export const CONTAINER_CHILDREN: ReadonlySet<number> = new Set([
  Component.ActionRow,
  Component.Section,
  Component.TextDisplay,
  Component.MediaGallery,
  Component.File,
  Component.Separator,
]);
/** The top-level components of a v2 message. */
export const V2_TOP_LEVEL: ReadonlySet<number> = new Set([...CONTAINER_CHILDREN, Component.Container]);

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
export class Check {
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

/** Walks components, counting them and collecting custom ids and text display characters. */
export interface ComponentWalk {
  total: number;
  text: number;
  readonly customIds: Map<string, Path>;
}
