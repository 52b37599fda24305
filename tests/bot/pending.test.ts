import { describe, expect, it } from 'vitest';
import { pendingStore } from '../../src/bot/pending.js';

describe('pendingStore', () => {
  it('keeps an entry under a short id for its owner, until it expires', () => {
    let now = 1000;
    const store = pendingStore<string>({ ttlMs: 100, max: 5, now: () => now });
    const id = store.add('u1', 'draft');
    expect(id).toMatch(/^[\w-]{8}$/);
    expect(store.get(id)).toEqual({ owner: 'u1', value: 'draft' });
    now += 99;
    expect(store.get(id)?.value).toBe('draft');
    now += 1;
    expect(store.get(id)).toBeUndefined();
    expect(store.size()).toBe(0);
  });
  it('gives an entry to take() once', () => {
    const store = pendingStore<number>({ ttlMs: 1000, max: 5 });
    const id = store.add('u', 7);
    expect(store.take(id)?.value).toBe(7);
    expect(store.take(id)).toBeUndefined();
    expect(store.get('unknown')).toBeUndefined();
  });
  it('drops the oldest entries beyond its size', () => {
    const store = pendingStore<number>({ ttlMs: 1000, max: 3 });
    const ids = [1, 2, 3, 4].map((n) => store.add('u', n));
    expect(store.size()).toBe(3);
    expect(store.get(ids[0] ?? '')).toBeUndefined();
    expect(store.get(ids[3] ?? '')?.value).toBe(4);
    expect(new Set(ids).size).toBe(4);
  });
});
