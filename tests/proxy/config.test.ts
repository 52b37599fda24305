import { describe, expect, it } from 'vitest';
import { PROXY_KEYS, readProxyConfig } from '../../src/proxy/config.js';

describe('readProxyConfig', () => {
  it('defaults to Discord on 127.0.0.1:8080', () => {
    expect(readProxyConfig({ PROXY_PORT: ' ', HOME: '/x' })).toEqual({
      ok: true,
      config: { upstream: 'https://discord.com/api', host: '127.0.0.1', port: 8080, logLevel: 'info' },
    });
  });
  it('reads every key, without trailing slashes on the upstream', () => {
    expect(
      readProxyConfig({
        PROXY_UPSTREAM: 'http://127.0.0.1:3000/api/',
        PROXY_HOST: '10.0.0.5',
        PROXY_PORT: '0',
        LOG_LEVEL: 'WARN',
      }),
    ).toEqual({
      ok: true,
      config: { upstream: 'http://127.0.0.1:3000/api', host: '10.0.0.5', port: 0, logLevel: 'warn' },
    });
  });
  it('says what to write for each mistake, one line each, starting with the variable', () => {
    const r = readProxyConfig({
      PROXY_UPSTREAM: 'discord.com',
      PROXY_HOST: 'a host',
      PROXY_PORT: '70000',
      LOG_LEVEL: 'loud',
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.map((e) => e.split(' ')[0])).toEqual([...PROXY_KEYS]);
    for (const e of errors) expect(e).not.toContain('\n');
  });
  it('refuses an upstream that carries the API version (the REST client adds /v10 itself)', () => {
    expect(readProxyConfig({ PROXY_UPSTREAM: 'https://discord.com/api/v10' })).toEqual({
      ok: false,
      errors: [
        'PROXY_UPSTREAM is the API base without the version (like https://discord.com/api): remove the /v… at its end',
      ],
    });
  });
});
