import {
  ApplicationCommandType,
  InteractionContextType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { sameCommands, sameDefinition } from '../../src/bot/register.js';

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;
type Json = Record<string, unknown>;

const definitions: readonly Definition[] = commands.map((c) => c.data);

/** A deep copy without `undefined` values, as it would travel over the wire. */
function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function byName(name: string): Definition {
  const d = definitions.find((c) => c.name === name);
  if (!d) throw new Error(`no /${name}`);
  return d;
}

/**
 * What Discord answers to GET …/commands for a definition we PUT: our fields, plus ids and a
 * version, and defaults that mean the same as leaving a field out (null, false, `required` only
 * when true, no `options` when there are none).
 */
function discordEcho(def: Definition, i: number): Json {
  const { options, ...rest } = wire(def) as unknown as Json & { options?: Json[] };
  const echoed = (options ?? []).map(({ required, ...o }) => ({
    ...o,
    ...(required === true && { required }),
  }));
  return {
    id: String(1_300_000_000_000_000_000n + BigInt(i)),
    application_id: '1200000000000000000',
    guild_id: '1100000000000000000',
    version: '1300000000000000999',
    default_member_permissions: null,
    name_localizations: null,
    description_localizations: null,
    nsfw: false,
    ...rest,
    ...(echoed.length > 0 && { options: echoed }),
  };
}

const echoes = (defs: readonly Definition[]): Json[] => defs.map((d, i) => discordEcho(d, i));

/** `/name` with one option (or choice list) changed, as Discord would echo it. */
function withOption(name: string, option: string, change: (o: Json) => Json): Json[] {
  return echoes(definitions).map((c) =>
    c.name !== name
      ? c
      : {
          ...c,
          options: (c.options as Json[]).map((o) => (o.name === option ? change(o) : o)),
        },
  );
}

const remote = (list: Json[]) => list as unknown as { name: string }[];

describe('sameDefinition', () => {
  it('treats Discord’s echo of each real definition as the same', () => {
    for (const [i, d] of definitions.entries())
      expect(sameDefinition(d, discordEcho(d, i)), d.name).toBe(true);
  });
  it('treats unset, null, false and [] as the same, and compares scalars by value', () => {
    expect(
      sameDefinition(
        { name: 'x', type: 1, a: undefined, b: null, c: false, d: [] },
        { name: 'x', type: '1', b: false, c: null, id: '1' },
      ),
    ).toBe(true);
    expect(sameDefinition({ name: 'x', nsfw: false }, { name: 'x', nsfw: true })).toBe(false);
    expect(sameDefinition({ name: 'x', options: [] }, { name: 'x', options: [{ name: 'y' }] })).toBe(false);
  });
  it('sees a changed description', () => {
    const d = byName('compare');
    expect(sameDefinition(d, { ...discordEcho(d, 0), description: 'Something else' })).toBe(false);
  });
  it('sees a changed default_member_permissions, either way', () => {
    const prompt = byName('prompt');
    const quote = byName('quote');
    expect(sameDefinition(prompt, { ...discordEcho(prompt, 0), default_member_permissions: '32' })).toBe(
      false,
    );
    expect(sameDefinition(prompt, { ...discordEcho(prompt, 0), default_member_permissions: null })).toBe(
      false,
    );
    expect(
      sameDefinition(quote, {
        ...discordEcho(quote, 0),
        default_member_permissions: String(PermissionFlagsBits.ManageMessages),
      }),
    ).toBe(false);
  });
  it('sees changed contexts', () => {
    const prompt = byName('prompt');
    expect(sameDefinition(prompt, { ...discordEcho(prompt, 0), contexts: [0, 1, 2] })).toBe(false);
  });
});

describe('sameCommands', () => {
  it('is true for Discord’s echo of the real definitions, in any order', () => {
    expect(sameCommands(definitions, remote(echoes(definitions)))).toBe(true);
    expect(sameCommands(definitions, remote(echoes(definitions).reverse()))).toBe(true);
  });
  it('sees an added or a removed command', () => {
    const extra: Definition = {
      name: 'extra',
      description: 'One more',
      type: ApplicationCommandType.ChatInput,
    };
    expect(sameCommands([...definitions, extra], remote(echoes(definitions)))).toBe(false);
    expect(sameCommands(definitions.slice(1), remote(echoes(definitions)))).toBe(false);
    expect(sameCommands(definitions, remote(echoes(definitions.slice(1))))).toBe(false);
  });
  it('sees a renamed command even when the count is the same', () => {
    const list = echoes(definitions);
    list[0] = { ...list[0], name: 'quotes' };
    expect(sameCommands(definitions, remote(list))).toBe(false);
  });
  it('sees a changed description', () => {
    const list = echoes(definitions).map((c) => (c.name === 'help' ? { ...c, description: 'Help' } : c));
    expect(sameCommands(definitions, remote(list))).toBe(false);
  });
  it('sees a changed option', () => {
    const cases: [string, Json[]][] = [
      ['max_length', withOption('quote', 'query', (o) => ({ ...o, max_length: 200 }))],
      ['required', withOption('quote', 'article', (o) => ({ ...o, required: true }))],
      ['not required', withOption('compare', 'topic', ({ required: _, ...o }) => o)],
      ['autocomplete', withOption('prompt', 'topic', ({ autocomplete: _, ...o }) => o)],
      ['description', withOption('prompt', 'thread', (o) => ({ ...o, description: 'Open a thread' }))],
      ['type', withOption('prompt', 'poll', (o) => ({ ...o, type: 3 }))],
      [
        'a choice less',
        withOption('prompt', 'level', (o) => ({ ...o, choices: (o.choices as Json[]).slice(0, 2) })),
      ],
    ];
    for (const [what, list] of cases) expect(sameCommands(definitions, remote(list)), what).toBe(false);
  });
  it('sees an added, removed or reordered option', () => {
    const edit = (change: (options: Json[]) => Json[]) =>
      echoes(definitions).map((c) =>
        c.name === 'quote' ? { ...c, options: change(c.options as Json[]) } : c,
      );
    const added = edit((o) => [...o, { type: 5, name: 'extra', description: 'More' }]);
    const removed = edit((o) => o.slice(0, -1));
    const reordered = edit((o) => [o[0], o[2], o[1]] as Json[]);
    expect(sameCommands(definitions, remote(added))).toBe(false);
    expect(sameCommands(definitions, remote(removed))).toBe(false);
    expect(sameCommands(definitions, remote(reordered))).toBe(false);
  });
  it('sees a changed default_member_permissions', () => {
    const list = echoes(definitions).map((c) =>
      c.name === 'summary' ? { ...c, default_member_permissions: '0' } : c,
    );
    expect(sameCommands(definitions, remote(list))).toBe(false);
  });
});

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

function checkName(where: string, name: string): void {
  expect(name, where).toMatch(NAME);
  expect(name, where).toBe(name.toLowerCase());
}

function checkDescription(where: string, description: string): void {
  expect(description.length, where).toBeGreaterThanOrEqual(1);
  expect(description.length, where).toBeLessThanOrEqual(100);
}

/** Characters Discord counts toward its 8000: names, descriptions, choice names and values. */
function characters(o: { name: string; description: string; options?: readonly unknown[] }): number {
  const options = (o.options ?? []) as APIApplicationCommandOption[];
  return (
    o.name.length +
    o.description.length +
    options.reduce((n, opt) => {
      const choices = 'choices' in opt && Array.isArray(opt.choices) ? opt.choices : [];
      const chars = choices.reduce((m, c: { name: string; value: string | number }) => {
        return m + c.name.length + String(c.value).length;
      }, 0);
      return n + characters(opt) + chars;
    }, 0)
  );
}

describe('the real command definitions', () => {
  it('are seven commands with unique names', () => {
    const names = definitions.map((d) => d.name);
    expect(names).toEqual(['quote', 'compare', 'prompt', 'summary', 'articles', 'article', 'help']);
  });
  it('respect Discord’s limits on names, descriptions, options and choices', () => {
    for (const d of definitions) {
      checkName(`/${d.name}`, d.name);
      checkDescription(`/${d.name}`, d.description);
      const options = d.options ?? [];
      expect(options.length, `/${d.name} options`).toBeLessThanOrEqual(25);
      let seenOptional = false;
      for (const o of options) {
        const where = `/${d.name} ${o.name}`;
        checkName(where, o.name);
        checkDescription(where, o.description);
        // Discord rejects a required option after an optional one.
        if ('required' in o && o.required === true) expect(seenOptional, where).toBe(false);
        else seenOptional = true;
        const choices = 'choices' in o && Array.isArray(o.choices) ? o.choices : [];
        expect(choices.length, `${where} choices`).toBeLessThanOrEqual(25);
        for (const c of choices as { name: string; value: string | number }[]) {
          expect(c.name.length, `${where} choice`).toBeGreaterThanOrEqual(1);
          expect(c.name.length, `${where} choice`).toBeLessThanOrEqual(100);
          expect(String(c.value).length, `${where} choice value`).toBeLessThanOrEqual(100);
        }
      }
    }
  });
  it('stay within 8000 characters per command', () => {
    for (const d of definitions) expect(characters(d), `/${d.name}`).toBeLessThanOrEqual(8000);
    // The counter does count options and choices.
    const prompt = byName('prompt');
    expect(characters(prompt)).toBeGreaterThan(prompt.name.length + prompt.description.length + 100);
  });
  it('leave /prompt, /summary and /article to members who can Manage Messages, in servers only', () => {
    for (const name of ['prompt', 'summary', 'article']) {
      const d = byName(name);
      expect(d.default_member_permissions, name).toBe(String(PermissionFlagsBits.ManageMessages));
      expect(d.contexts, name).toEqual([InteractionContextType.Guild]);
    }
  });
  it('leave the other commands open to everyone', () => {
    for (const name of ['quote', 'compare', 'articles', 'help']) {
      expect(byName(name).default_member_permissions ?? null, name).toBeNull();
    }
  });
});

describe('fields Discord fills in', () => {
  it('are not a difference when we leave them out', () => {
    const quote = byName('quote');
    const echo = {
      ...discordEcho(quote, 0),
      integration_types: [0],
      dm_permission: true,
      contexts: [0, 1, 2],
    };
    expect(sameDefinition(quote, echo)).toBe(true);
  });
});
