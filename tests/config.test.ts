import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, dropBlankSettings, readConfig, sharedBotWarning } from '../src/config.js';

/** A made-up token with the shape of a real one. */
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const TOKEN_HINT =
  'DISCORD_TOKEN does not look like a bot token (three dot-separated parts). Copy it again from the Developer Portal → your application → Bot → Reset Token.';
const GUILD_HINT =
  'DISCORD_GUILD_ID must be a server id (17 to 20 digits: right-click the server in Discord → Copy Server ID), or empty to register commands globally';
const API_HINT =
  'DISCORD_API_BASE must be an http(s) URL like https://discord.com/api, or empty for Discord itself';
const SHARD_HINT =
  'SHARD_COUNT must be "auto" or a whole number of shards (1 to 9999), or empty to run one process';
const SHARD_IDS_HINT =
  'SHARD_IDS must list the shards this process runs, as numbers or ranges such as "0,1" or "0-3", or be empty to run every shard';
const SHARD_IDS_COUNT_HINT =
  'SHARD_IDS needs SHARD_COUNT set to the number of shards of all processes together (a number, not "auto"), the same in every process';
const LOG_HINT = 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, or empty for info';
const CONTENT_HINT =
  'CONTENT_DIR names no folder: write the path of a folder holding articles/ and topics.yaml (absolute, or relative to the project folder), or leave it empty for the project’s content/ folder';
const LOOPBACK_HINT =
  'IMPORT_ALLOW_LOOPBACK must be 1 (tests only: /article add may fetch loopback and private addresses) or 0, or empty for 0';
const PORT_HINT =
  'SANDBOX_PORT must be a port number from 1024 to 65535 (or 0 for any free port), or empty for 3000';

describe('readConfig', () => {
  it('accepts an empty environment: no token, Discord’s API, info logs', () => {
    expect(readConfig({})).toEqual({
      ok: true,
      config: { apiBase: 'https://discord.com/api', logLevel: 'info', importAllowLoopback: false },
    });
  });
  it('ignores unrelated variables', () => {
    expect(readConfig({ PATH: '/usr/bin', HOME: '/home/x' })).toEqual(readConfig({}));
  });
  it('reads every key', () => {
    expect(
      readConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_GUILD_ID: '123456789012345678',
        DISCORD_API_BASE: 'http://127.0.0.1:3000/api',
        LOG_LEVEL: 'debug',
        SHARD_COUNT: '2',
        SHARD_IDS: '1',
        CONTENT_DIR: './content',
        SANDBOX_PORT: '3001',
        IMPORT_ALLOW_LOOPBACK: '1',
      }),
    ).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        guildId: '123456789012345678',
        apiBase: 'http://127.0.0.1:3000/api',
        logLevel: 'debug',
        shardCount: 2,
        shardIds: [1],
        contentDir: path.resolve('content'),
        sandboxPort: 3001,
        importAllowLoopback: true,
      },
    });
  });
  it('strips a "Bot " prefix and surrounding spaces from the token', () => {
    for (const raw of [`Bot ${TOKEN}`, `bot  ${TOKEN}`, `  ${TOKEN}\n`]) {
      const r = readConfig({ DISCORD_TOKEN: raw });
      expect(r.ok && r.config.token, JSON.stringify(raw)).toBe(TOKEN);
    }
  });
  it('rejects a malformed token, says what to do, and never repeats the value', () => {
    const [a, , c] = TOKEN.split('.');
    const bad = [
      `${a ?? ''}.${c ?? ''}`, // two parts
      `${TOKEN}.extra`, // four parts
      'not a token at all',
      `Bot ${a ?? ''}`, // one part, prefixed
      TOKEN.replace('.GaBcDe.', '.G.'), // middle part too short
    ];
    for (const value of bad) {
      const r = readConfig({ DISCORD_TOKEN: value });
      expect(r, value).toEqual({ ok: false, errors: [TOKEN_HINT] });
      expect(JSON.stringify(r)).not.toContain(value);
    }
  });
  it('never prints a token put in the wrong variable', () => {
    const r = readConfig(
      Object.fromEntries(CONFIG_KEYS.filter((k) => k !== 'DISCORD_TOKEN').map((k) => [k, TOKEN])),
    );
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(JSON.stringify(r)).not.toContain('GaBcDe');
  });
  it('removes trailing slashes from DISCORD_API_BASE', () => {
    const r = readConfig({ DISCORD_API_BASE: 'http://127.0.0.1:3000/api//' });
    expect(r.ok && r.config.apiBase).toBe('http://127.0.0.1:3000/api');
  });
  it('rejects a DISCORD_API_BASE that is not an http(s) URL', () => {
    for (const base of ['nope', 'discord.com/api', 'ftp://127.0.0.1/api', 'javascript:alert(1)']) {
      expect(readConfig({ DISCORD_API_BASE: base }), base).toEqual({ ok: false, errors: [API_HINT] });
    }
  });
  it('rejects a DISCORD_GUILD_ID that is not a Discord id', () => {
    for (const id of ['123', '12345678901234567890123', 'abcdefghijklmnopqr', '1234567890123456x8']) {
      expect(readConfig({ DISCORD_GUILD_ID: id }), id).toEqual({ ok: false, errors: [GUILD_HINT] });
    }
  });
  it('reads SHARD_COUNT as "auto" or a whole number', () => {
    const auto = readConfig({ SHARD_COUNT: 'auto' });
    expect(auto.ok && auto.config.shardCount).toBe('auto');
    const upper = readConfig({ SHARD_COUNT: 'AUTO' });
    expect(upper.ok && upper.config.shardCount).toBe('auto');
    const two = readConfig({ SHARD_COUNT: '2' });
    expect(two.ok && two.config.shardCount).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'two', '01', '10000']) {
      expect(readConfig({ SHARD_COUNT: bad }), bad).toEqual({ ok: false, errors: [SHARD_HINT] });
    }
  });
  it('reads SHARD_IDS as numbers and ranges, sorted, without repeats', () => {
    const cases: [string, number[]][] = [
      ['0', [0]],
      ['0,1', [0, 1]],
      ['3, 1 ,2', [1, 2, 3]],
      ['0-3', [0, 1, 2, 3]],
      ['4-5,0,5', [0, 4, 5]],
      ['2-2', [2]],
    ];
    for (const [text, ids] of cases) {
      const r = readConfig({ SHARD_COUNT: '8', SHARD_IDS: text });
      expect(r.ok && r.config.shardIds, text).toEqual(ids);
    }
  });
  it('rejects a SHARD_IDS that is not a list of ids and rising ranges', () => {
    for (const bad of ['x', '1,', ',1', '0-', '3-1', '-1', '1.5', '0;1', '0..3', '12345']) {
      expect(readConfig({ SHARD_COUNT: '8', SHARD_IDS: bad }), bad).toEqual({
        ok: false,
        errors: [SHARD_IDS_HINT],
      });
    }
  });
  it('wants SHARD_IDS with a numeric SHARD_COUNT, and every id below it', () => {
    for (const count of [undefined, 'auto']) {
      expect(readConfig({ SHARD_IDS: '0', ...(count && { SHARD_COUNT: count }) }), count).toEqual({
        ok: false,
        errors: [SHARD_IDS_COUNT_HINT],
      });
    }
    expect(readConfig({ SHARD_COUNT: '2', SHARD_IDS: '1-2' })).toEqual({
      ok: false,
      errors: [
        'SHARD_IDS lists shard 2, but with SHARD_COUNT=2 the shards are 0 to 1: list only ids below SHARD_COUNT, or raise SHARD_COUNT in every process',
      ],
    });
    const last = readConfig({ SHARD_COUNT: '2', SHARD_IDS: '1' });
    expect(last.ok && [last.config.shardCount, last.config.shardIds]).toEqual([2, [1]]);
  });
  it('warns a process holding some of the shards that sends REST straight to Discord', () => {
    const warning = (env: Record<string, string>) => {
      const r = readConfig({ SHARD_COUNT: '4', ...env });
      return r.ok ? sharedBotWarning(r.config) : r.errors;
    };
    expect(warning({ SHARD_IDS: '0-1' })).toMatch(/^SHARD_IDS holds 2 of 4 shards, .* run npm run proxy /);
    expect(warning({ SHARD_IDS: '0-1', DISCORD_API_BASE: 'http://10.0.0.5:8080/api' })).toBeUndefined();
    expect(warning({ SHARD_IDS: '0-3' })).toBeUndefined();
    expect(warning({})).toBeUndefined();
  });
  it('reads LOG_LEVEL in any case and rejects an unknown one, listing the levels', () => {
    const upper = readConfig({ LOG_LEVEL: 'WARN' });
    expect(upper.ok && upper.config.logLevel).toBe('warn');
    expect(readConfig({ LOG_LEVEL: 'loud' })).toEqual({ ok: false, errors: [LOG_HINT] });
  });
  it('resolves CONTENT_DIR and rejects one that names no folder', () => {
    const r = readConfig({ CONTENT_DIR: 'content' });
    expect(r.ok && r.config.contentDir).toBe(path.resolve('content'));
    for (const dir of ['no-such-folder', 'package.json']) {
      expect(readConfig({ CONTENT_DIR: dir }), dir).toEqual({ ok: false, errors: [CONTENT_HINT] });
    }
  });
  it('reads SANDBOX_PORT: 0 or 1024 to 65535', () => {
    for (const [raw, port] of [
      ['0', 0],
      ['1024', 1024],
      ['65535', 65535],
    ] as const) {
      const r = readConfig({ SANDBOX_PORT: raw });
      expect(r.ok && r.config.sandboxPort, raw).toBe(port);
    }
    for (const bad of ['80', '65536', '99999', 'http', '3000.5', '-1']) {
      expect(readConfig({ SANDBOX_PORT: bad }), bad).toEqual({ ok: false, errors: [PORT_HINT] });
    }
  });
  it('reads IMPORT_ALLOW_LOOPBACK as 1 or 0 only, off unless set to 1', () => {
    const on = readConfig({ IMPORT_ALLOW_LOOPBACK: '1' });
    expect(on.ok && on.config.importAllowLoopback).toBe(true);
    const off = readConfig({ IMPORT_ALLOW_LOOPBACK: '0' });
    expect(off.ok && off.config.importAllowLoopback).toBe(false);
    for (const bad of ['yes', 'true', '2']) {
      expect(readConfig({ IMPORT_ALLOW_LOOPBACK: bad }), bad).toEqual({ ok: false, errors: [LOOPBACK_HINT] });
    }
  });
  it('reads ANSWER_SECRET: 16 or more characters with no spaces, never echoed when wrong', () => {
    const good = readConfig({ ANSWER_SECRET: '  0123456789abcdef0123  ' });
    expect(good.ok && good.config.answerSecret).toBe('0123456789abcdef0123');
    const unset = readConfig({});
    expect(unset.ok && unset.config.answerSecret).toBeUndefined();
    for (const bad of ['short', 'has a space in it somewhere']) {
      const r = readConfig({ ANSWER_SECRET: bad });
      expect(r.ok, bad).toBe(false);
      expect(r.ok ? '' : r.errors.join('\n')).toMatch(/^ANSWER_SECRET must be at least 16 characters/);
      expect(r.ok ? '' : r.errors.join('\n')).not.toContain(bad);
    }
  });
  it('gives one line per mistake, starting with the variable it is about', () => {
    const r = readConfig({
      DISCORD_TOKEN: 'x',
      DISCORD_GUILD_ID: '1',
      DISCORD_API_BASE: 'x',
      LOG_LEVEL: 'x',
      SHARD_COUNT: 'x',
      SHARD_IDS: 'x',
      CONTENT_DIR: 'no-such-folder',
      SANDBOX_PORT: 'x',
      IMPORT_ALLOW_LOOPBACK: 'yes',
      ANSWER_SECRET: 'short',
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.map((e) => e.split(' ')[0])).toEqual([...CONFIG_KEYS]);
    for (const e of errors) expect(e).not.toContain('\n');
  });
  it('reports every problem at once', () => {
    const r = readConfig({ DISCORD_TOKEN: 'x', DISCORD_GUILD_ID: '1', SHARD_COUNT: 'many' });
    expect(r).toEqual({
      ok: false,
      errors: [TOKEN_HINT, GUILD_HINT, SHARD_HINT],
    });
  });
  it('counts empty and blank strings as unset', () => {
    expect(
      readConfig({
        DISCORD_TOKEN: '',
        DISCORD_GUILD_ID: '  ',
        DISCORD_API_BASE: '',
        LOG_LEVEL: '',
        SHARD_COUNT: ' ',
        CONTENT_DIR: '',
      }),
    ).toEqual({
      ok: true,
      config: { apiBase: 'https://discord.com/api', logLevel: 'info', importAllowLoopback: false },
    });
  });
});

describe('dropBlankSettings', () => {
  it('removes the project’s blank settings and nothing else', () => {
    const env: NodeJS.ProcessEnv = {
      DISCORD_TOKEN: '',
      SHARD_COUNT: '',
      DISCORD_GUILD_ID: '  ',
      LOG_LEVEL: 'warn',
      UNRELATED: '',
    };
    dropBlankSettings(env);
    expect(env).toEqual({ LOG_LEVEL: 'warn', UNRELATED: '' });
  });
});
