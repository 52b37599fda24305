/** The stand-in's memory of the 429s it answered (`enforceRateLimits`). */
import { describe, expect, it } from 'vitest';
import { RateLimitKeeper } from '../../src/sandbox/standin/rate-limits.js';

const CALLBACK = '/interactions/1/aW50ZXJhY3Rpb24/callback';

describe('RateLimitKeeper', () => {
  it('keeps a route’s 429 for its method and path, until Retry-After has passed', () => {
    const keeper = new RateLimitKeeper();
    keeper.note({ status: 429, retryAfter: 2 }, 'POST', '/channels/1/messages', 10_000);
    expect(keeper.refusal('POST', '/channels/1/messages', 11_500)).toEqual({ status: 429, retryAfter: 0.5 });
    expect(keeper.refusal('POST', '/channels/2/messages', 11_500)).toBeUndefined();
    expect(keeper.refusal('GET', '/channels/1/messages', 11_500)).toBeUndefined();
    expect(keeper.refusal('POST', '/channels/1/messages', 12_000)).toBeUndefined();
  });

  it('keeps a global 429 for every request but interaction callbacks', () => {
    const keeper = new RateLimitKeeper();
    keeper.note({ status: 429, retryAfter: 1, global: true }, 'GET', '/channels/1', 0);
    expect(keeper.refusal('PATCH', '/webhooks/1/token/messages/@original', 250)).toEqual({
      status: 429,
      retryAfter: 0.75,
      global: true,
    });
    expect(keeper.refusal('POST', CALLBACK, 250)).toBeUndefined();
    expect(keeper.refusal('GET', '/channels/1', 1000)).toBeUndefined();
  });

  it('ignores faults that are not 429s', () => {
    const keeper = new RateLimitKeeper();
    keeper.note({ status: 503 }, 'GET', '/channels/1', 0);
    expect(keeper.refusal('GET', '/channels/1', 1)).toBeUndefined();
  });
});
