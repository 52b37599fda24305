import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';

/** A made-up token with the shape of a real one. */
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const TOKEN_HINT =
  'DISCORD_TOKEN does not look like a bot token (three dot-separated parts). Copy it again from the Developer Portal → your application → Bot → Reset Token.';

describe('readConfig', () => {
  it('accepts an empty environment: no token, Discord’s API, info logs', () => {
    expect(readConfig({})).toEqual({
      ok: true,
      config: { apiBase: 'https://discord.com/api', logLevel: 'info' },
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
        CONTENT_DIR: './content',
      }),
    ).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        guildId: '123456789012345678',
        apiBase: 'http://127.0.0.1:3000/api',
        logLevel: 'debug',
        shardCount: 2,
        contentDir: './content',
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
    const r = readConfig({ DISCORD_GUILD_ID: TOKEN, DISCORD_API_BASE: TOKEN, SHARD_COUNT: TOKEN });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(JSON.stringify(r)).not.toContain('GaBcDe');
  });
  it('removes trailing slashes from DISCORD_API_BASE', () => {
    const r = readConfig({ DISCORD_API_BASE: 'http://127.0.0.1:3000/api//' });
    expect(r.ok && r.config.apiBase).toBe('http://127.0.0.1:3000/api');
  });
  it('rejects a DISCORD_API_BASE that is not a URL', () => {
    expect(readConfig({ DISCORD_API_BASE: 'nope' })).toEqual({
      ok: false,
      errors: ['DISCORD_API_BASE must be a URL like https://discord.com/api'],
    });
  });
  it('rejects a DISCORD_GUILD_ID that is not a Discord id', () => {
    for (const id of ['123', '12345678901234567890123', 'abcdefghijklmnopqr', '1234567890123456x8']) {
      expect(readConfig({ DISCORD_GUILD_ID: id }), id).toEqual({
        ok: false,
        errors: ['DISCORD_GUILD_ID: must be a Discord id (17 to 20 digits)'],
      });
    }
  });
  it('reads SHARD_COUNT as "auto" or a whole number', () => {
    const auto = readConfig({ SHARD_COUNT: 'auto' });
    expect(auto.ok && auto.config.shardCount).toBe('auto');
    const two = readConfig({ SHARD_COUNT: '2' });
    expect(two.ok && two.config.shardCount).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'two', 'AUTO', '01', '10000']) {
      expect(readConfig({ SHARD_COUNT: bad }), bad).toEqual({
        ok: false,
        errors: ['SHARD_COUNT must be "auto" or a whole number'],
      });
    }
  });
  it('rejects an unknown LOG_LEVEL, naming the key', () => {
    const r = readConfig({ LOG_LEVEL: 'loud' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([expect.stringMatching(/^LOG_LEVEL: /) as string]);
  });
  it('reports every problem at once', () => {
    const r = readConfig({ DISCORD_TOKEN: 'x', DISCORD_GUILD_ID: '1', SHARD_COUNT: 'many' });
    expect(r).toEqual({
      ok: false,
      errors: [
        TOKEN_HINT,
        'DISCORD_GUILD_ID: must be a Discord id (17 to 20 digits)',
        'SHARD_COUNT must be "auto" or a whole number',
      ],
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
    ).toEqual({ ok: true, config: { apiBase: 'https://discord.com/api', logLevel: 'info' } });
  });
});
