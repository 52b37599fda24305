import { describe, expect, it } from 'vitest';
import { answerSecret } from '../../src/bot/client.js';
import { readConfig } from '../../src/config.js';

const TOKEN = 'MTI4MDA3NDczNzI1NDQwMDAwMA.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('answerSecret', () => {
  it('is ANSWER_SECRET when set, else derived from the token: stable, and not the token itself', () => {
    const set = readConfig({ DISCORD_TOKEN: TOKEN, ANSWER_SECRET: 'a-secret-of-sixteen-or-more' });
    const unset = readConfig({ DISCORD_TOKEN: TOKEN });
    if (!set.ok || !unset.ok) throw new Error('config refused');
    expect(answerSecret(set.config)).toBe('a-secret-of-sixteen-or-more');
    const derived = answerSecret(unset.config);
    expect(derived).toBe(answerSecret(unset.config));
    expect(derived).not.toContain(TOKEN);
    expect(derived).toMatch(/^[0-9a-f]{64}$/);
  });
});
