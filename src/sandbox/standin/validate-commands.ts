/** Checks thread and application command bodies against Discord's limits. */
import type { FieldError } from './errors.js';
import * as L from './limits.js';
import { Check, charCount, isRecord, type Json, type Path } from './validate-common.js';
import { checkChoice } from './validate-components.js';

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
