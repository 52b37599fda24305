import { describe, expect, it } from 'vitest';
import {
  charCount,
  checkAutocomplete,
  checkCommands,
  checkMessage,
  checkModal,
  checkThread,
  effectiveMessage,
  isEmptyMessage,
} from '../../src/sandbox/standin/validate.js';

const button = (customId: string) => ({ type: 2, style: 1, label: 'Go', custom_id: customId });
const row = (...components: unknown[]) => ({ type: 1, components });
const codes = (problems: { path: readonly (string | number)[]; code: string }[]) =>
  problems.map((problem) => `${problem.path.join('.')}: ${problem.code}`);

describe('checkMessage', () => {
  it('accepts a message at every limit', () => {
    expect(
      checkMessage({
        content: 'x'.repeat(2000),
        embeds: [{ title: 't'.repeat(256), description: 'd'.repeat(4096) }],
        components: [row(button('a'), button('b'), button('c'), button('d'), button('e'))],
      }),
    ).toEqual([]);
  });

  it('counts characters as code points, like Discord', () => {
    expect(charCount('👍🏽 ok')).toBe(5);
    expect(checkMessage({ content: '👍'.repeat(2000) })).toEqual([]);
  });

  it('limits the footer text and the author name, and requires both when present', () => {
    const at = { footer: { text: 'f'.repeat(2048) }, author: { name: 'a'.repeat(256) } };
    expect(checkMessage({ embeds: [at] })).toEqual([]);
    const over = { footer: { text: 'f'.repeat(2049) }, author: { name: 'a'.repeat(257) } };
    expect(codes(checkMessage({ embeds: [over] }))).toEqual([
      'embeds.0.footer.text: BASE_TYPE_BAD_LENGTH',
      'embeds.0.author.name: BASE_TYPE_BAD_LENGTH',
    ]);
    expect(codes(checkMessage({ embeds: [{ author: {} }] }))).toEqual([
      'embeds.0.author.name: BASE_TYPE_REQUIRED',
    ]);
  });

  it('calls a message empty only when nothing at all would show', () => {
    expect(isEmptyMessage(effectiveMessage({ content: '' }))).toBe(true);
    expect(isEmptyMessage(effectiveMessage({ content: 'x' }))).toBe(false);
    expect(isEmptyMessage(effectiveMessage({ embeds: [{ title: 't' }] }))).toBe(false);
    expect(isEmptyMessage(effectiveMessage({ poll: { question: { text: 'q' } } }))).toBe(false);
    // An edit that clears the text but keeps a file is not empty.
    expect(isEmptyMessage(effectiveMessage({ content: '' }), true)).toBe(false);
  });

  it('sums the 6000-character embed total across embeds', () => {
    const embed = { description: 'd'.repeat(3001) };
    expect(codes(checkMessage({ embeds: [embed, embed] }))).toEqual(['embeds: MAX_EMBED_SIZE_EXCEEDED']);
  });

  it('nests paths under a prefix and reports each field', () => {
    const problems = checkMessage(
      {
        embeds: [
          { title: 't'.repeat(257), fields: [{ name: '', value: 'v'.repeat(1025) }], footer: { text: '' } },
        ],
      },
      { prefix: ['data'] },
    );
    expect(codes(problems)).toEqual([
      'data.embeds.0.title: BASE_TYPE_MAX_LENGTH',
      'data.embeds.0.fields.0.name: BASE_TYPE_BAD_LENGTH',
      'data.embeds.0.fields.0.value: BASE_TYPE_BAD_LENGTH',
      'data.embeds.0.footer.text: BASE_TYPE_BAD_LENGTH',
    ]);
  });

  it('limits rows, buttons per row, selects per row and custom ids', () => {
    const select = { type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] };
    const problems = checkMessage({
      components: [
        row(button('a'), button('b'), button('c'), button('d'), button('e'), button('f')),
        row(select, button('g')),
        row(button('a')),
        row({ type: 2, style: 1, label: 'l'.repeat(81), custom_id: 'x'.repeat(101) }),
        row(button('h')),
        row(button('i')),
      ],
    });
    expect(codes(problems)).toEqual([
      'components: BASE_TYPE_MAX_LENGTH',
      'components.0.components: BASE_TYPE_BAD_LENGTH',
      'components.1.components: COMPONENT_LAYOUT_WIDTH_EXCEEDED',
      'components.2.components.0.custom_id: COMPONENT_CUSTOM_ID_DUPLICATED',
      'components.3.components.0.label: BASE_TYPE_MAX_LENGTH',
      'components.3.components.0.custom_id: BASE_TYPE_BAD_LENGTH',
    ]);
  });

  it('keeps Components V2 apart from content and caps it at 40 components', () => {
    const text = { type: 10, content: 'hello' };
    expect(codes(checkMessage({ flags: 1 << 15, content: 'hi', components: [text] }))).toEqual([
      'content: MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
    ]);
    const container = { type: 17, components: Array.from({ length: 40 }, () => text) };
    expect(codes(checkMessage({ flags: 1 << 15, components: [container] }))).toEqual([
      'components: BASE_TYPE_MAX_LENGTH',
    ]);
    expect(codes(checkMessage({ components: [text] }))).toEqual(['components.0.type: UNION_TYPE_CHOICES']);
  });

  it('never lets an edit remove the Components V2 flag', () => {
    const previous = { content: '', embeds: [], components: [{ type: 10, content: 'x' }], flags: 1 << 15 };
    expect(codes(checkMessage({ flags: 0 }, { previous }))).toEqual([
      'flags: MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG',
    ]);
    expect(checkMessage({ components: [{ type: 10, content: 'y' }] }, { previous })).toEqual([]);
  });

  it('checks polls', () => {
    const problems = checkMessage({
      poll: { question: { text: '' }, answers: [{ poll_media: { text: 'a'.repeat(56) } }], duration: 0 },
    });
    expect(codes(problems)).toEqual([
      'poll.question.text: BASE_TYPE_BAD_LENGTH',
      'poll.answers.0.poll_media.text: BASE_TYPE_BAD_LENGTH',
      'poll.duration: NUMBER_TYPE_MIN',
    ]);
  });
});

describe('checkAutocomplete', () => {
  it('allows 25 choices of 100 characters and no more', () => {
    const choice = { name: 'n'.repeat(100), value: 'v'.repeat(100) };
    expect(checkAutocomplete({ choices: Array.from({ length: 25 }, () => choice) })).toEqual([]);
    expect(
      codes(
        checkAutocomplete({
          choices: [...Array.from({ length: 25 }, () => choice), { name: '', value: 'v'.repeat(101) }],
        }),
      ),
    ).toEqual([
      'data.choices: BASE_TYPE_MAX_LENGTH',
      'data.choices.25.name: BASE_TYPE_BAD_LENGTH',
      'data.choices.25.value: BASE_TYPE_MAX_LENGTH',
    ]);
  });
});

describe('checkModal', () => {
  it('checks the title and the text inputs', () => {
    const input = { type: 4, custom_id: 'note', style: 2, label: 'Note' };
    expect(checkModal({ custom_id: 'm', title: 'Your note', components: [row(input)] })).toEqual([]);
    expect(codes(checkModal({ custom_id: 'm', title: 't'.repeat(46), components: [] }))).toEqual([
      'data.title: BASE_TYPE_BAD_LENGTH',
      'data.components: BASE_TYPE_BAD_LENGTH',
    ]);
  });
});

describe('checkThread', () => {
  it('checks the name and the auto-archive duration', () => {
    expect(checkThread({ name: 'Week 1', auto_archive_duration: 1440 }, true)).toEqual([]);
    expect(codes(checkThread({ name: '', auto_archive_duration: 120 }, true))).toEqual([
      'name: BASE_TYPE_BAD_LENGTH',
      'auto_archive_duration: BASE_TYPE_CHOICES',
    ]);
  });
});

describe('checkCommands', () => {
  const option = (name: string, extra: object = {}) => ({ type: 3, name, description: 'd', ...extra });

  it('accepts a valid command set', () => {
    expect(
      checkCommands([{ name: 'quote', description: 'Quote a passage', options: [option('query')] }]),
    ).toEqual([]);
  });

  it('reports names, descriptions, option counts, choices and ordering under each index', () => {
    const problems = checkCommands([
      { name: 'Quote', description: '' },
      {
        name: 'post',
        description: 'x',
        options: [
          option('a'),
          option('b', { required: true }),
          option('c', {
            choices: Array.from({ length: 26 }, (_, index) => ({ name: `${index}`, value: `${index}` })),
          }),
        ],
      },
      {
        name: 'post',
        description: 'again',
        options: Array.from({ length: 26 }, (_, index) => option(`o${index}`)),
      },
    ]);
    expect(codes(problems)).toEqual([
      '0.name: APPLICATION_COMMAND_INVALID_NAME',
      '0.description: BASE_TYPE_BAD_LENGTH',
      '1.options.1.required: APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
      '1.options.2.choices: BASE_TYPE_MAX_LENGTH',
      '2.options: BASE_TYPE_MAX_LENGTH',
      '2.name: APPLICATION_COMMANDS_DUPLICATE_NAME',
    ]);
  });
});
