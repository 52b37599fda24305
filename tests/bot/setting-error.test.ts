import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loginProblem, registrationProblem } from '../../src/bot/setting-error.js';

const BASE = 'http://127.0.0.1:9/api';

function apiError(status: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code: 0, message }, 0, status, 'GET', `${BASE}/v10/x`, {});
}

describe('loginProblem', () => {
  it('says a refused token is DISCORD_TOKEN’s fault, whichever way discord.js reports it', () => {
    for (const err of [
      Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }),
      apiError(401, '401: Unauthorized'),
    ]) {
      expect(loginProblem(err, BASE)?.message).toMatch(/^DISCORD_TOKEN was refused by Discord/);
    }
  });
  it('names the address and DISCORD_API_BASE when nothing answers, also behind fetch’s cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const viaFetch = new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    expect(loginProblem(refused, BASE)?.message).toMatch(
      /^Could not reach Discord at http:\/\/127\.0\.0\.1:9\/api \(ECONNREFUSED\)\. .*DISCORD_API_BASE/,
    );
    expect(loginProblem(viaFetch, BASE)?.message).toContain('(ENOTFOUND)');
  });
  it('leaves other failures alone (they are logged as bugs)', () => {
    expect(loginProblem(new Error('boom'), BASE)).toBeUndefined();
    expect(loginProblem(apiError(500, 'Internal Server Error'), BASE)).toBeUndefined();
  });
});

describe('registrationProblem', () => {
  it('blames DISCORD_GUILD_ID for a server the bot cannot reach, with the invite link', () => {
    for (const err of [apiError(403, 'Missing Access'), apiError(404, 'Unknown Guild')]) {
      const message = registrationProblem(err, '123456789012345678', '42')?.message ?? '';
      expect(message).toMatch(/^DISCORD_GUILD_ID: .* server 123456789012345678 \(Discord says: /);
      expect(message).toContain('https://discord.com/oauth2/authorize?client_id=42&');
      expect(message).not.toContain('\n');
    }
  });
  it('does not blame it when it is unset or the failure is something else', () => {
    expect(registrationProblem(apiError(403, 'Missing Access'), undefined, '42')).toBeUndefined();
    expect(registrationProblem(apiError(500, 'oops'), '123456789012345678', '42')).toBeUndefined();
    expect(registrationProblem(new Error('boom'), '123456789012345678', '42')).toBeUndefined();
  });
});
