/**
 * Checks components (buttons, selects, layout components), autocomplete choices and modals against
 * Discord's limits.
 */
import type { FieldError } from './errors.js';
import * as L from './limits.js';
import {
  Check,
  charCount,
  Component,
  CONTAINER_CHILDREN,
  isRecord,
  SELECT_TYPES,
  type ComponentWalk,
  type Json,
  type Path,
} from './validate-common.js';

export function checkCustomId(
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

type ComponentCheck = (check: Check, component: Json, path: Path, walk: ComponentWalk, type: number) => void;

const child = (path: Path, key: string, index: number): Path => [...path, key, index];

function checkActionRow(check: Check, component: Json, path: Path, walk: ComponentWalk): void {
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
  checkChildren(check, items, path, new Set([Component.Button, ...SELECT_TYPES]), walk);
}

/** Checks each of `items` (at `path.components[i]`) as a component of one of the `allowed` types. */
function checkChildren(
  check: Check,
  items: readonly unknown[],
  path: Path,
  allowed: ReadonlySet<number>,
  walk: ComponentWalk,
): void {
  items.forEach((item, index) => {
    const inner = check.obj(item, child(path, 'components', index), true);
    if (inner) checkComponent(check, inner, child(path, 'components', index), allowed, walk);
  });
}

function checkButton(check: Check, component: Json, path: Path, walk: ComponentWalk): void {
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
}

function checkSection(check: Check, component: Json, path: Path, walk: ComponentWalk): void {
  const texts = check.list(component.components, [...path, 'components'], {
    min: 1,
    max: 3,
    required: true,
  });
  if (texts) checkChildren(check, texts, path, new Set([Component.TextDisplay]), walk);
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
}

function checkSelect(check: Check, component: Json, path: Path, walk: ComponentWalk, type: number): void {
  checkCustomId(check, component.custom_id, [...path, 'custom_id'], walk, true);
  check.str(component.placeholder, [...path, 'placeholder'], { max: L.SELECT_PLACEHOLDER_MAX });
  check.int(component.min_values, [...path, 'min_values'], { min: 0, max: L.SELECT_VALUES_MAX });
  check.int(component.max_values, [...path, 'max_values'], { min: 1, max: L.SELECT_VALUES_MAX });
  if (type !== Component.StringSelect) return;
  const options = check.list(component.options, [...path, 'options'], {
    min: 1,
    max: L.SELECT_OPTIONS_MAX,
    required: true,
  });
  options?.forEach((raw, index) => {
    const at = child(path, 'options', index);
    const option = check.obj(raw, at, true);
    if (!option) return;
    const text = { min: 1, max: L.SELECT_OPTION_TEXT_MAX, required: true };
    check.str(option.label, [...at, 'label'], text);
    check.str(option.value, [...at, 'value'], text);
    check.str(option.description, [...at, 'description'], { max: L.SELECT_OPTION_TEXT_MAX });
  });
}

const nothingToCheck: ComponentCheck = () => undefined;

/** The check for each component type; a type not listed here is a select menu. */
const COMPONENT_CHECKS: Readonly<Record<number, ComponentCheck>> = {
  [Component.ActionRow]: checkActionRow,
  [Component.Button]: checkButton,
  [Component.Section]: checkSection,
  [Component.TextDisplay]: (check, component, path, walk) => {
    const content = check.str(component.content, [...path, 'content'], { min: 1, required: true });
    if (content !== undefined) walk.text += charCount(content);
  },
  [Component.MediaGallery]: (check, component, path) => {
    check.list(component.items, [...path, 'items'], { min: 1, max: 10, required: true });
  },
  [Component.Container]: (check, component, path, walk) => {
    const items = check.list(component.components, [...path, 'components'], { min: 1, required: true });
    if (items) checkChildren(check, items, path, CONTAINER_CHILDREN, walk);
  },
  [Component.Thumbnail]: nothingToCheck,
  [Component.File]: nothingToCheck,
  [Component.Separator]: nothingToCheck,
};

/** Checks one component, which must be of one of the `allowed` types, and (for layouts) what it holds. */
export function checkComponent(
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
  (COMPONENT_CHECKS[type] ?? checkSelect)(check, component, path, walk, type);
}

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

export function checkChoice(check: Check, raw: unknown, path: Path): void {
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
