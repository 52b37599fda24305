/**
 * Things a member was asked to confirm (an import to publish, an article to remove), kept in memory
 * under a short random id that the buttons carry. Each expires; the store holds a bounded number,
 * dropping the oldest first, so abandoned previews never pile up.
 */
import { randomBytes } from 'node:crypto';

export interface PendingStoreOptions {
  /** How long an entry stays, in ms. */
  readonly ttlMs: number;
  /** The most entries kept at once. */
  readonly max: number;
  readonly now?: () => number;
}

export interface PendingStore<T> {
  /** Keeps `value` for `owner`; returns its short id. */
  add(owner: string, value: T): string;
  /** The entry, if it exists and has not expired. */
  get(id: string): { readonly owner: string; readonly value: T } | undefined;
  /** Removes and returns the entry (so that a double click acts once). */
  take(id: string): { readonly owner: string; readonly value: T } | undefined;
  readonly size: () => number;
}

export function pendingStore<T>(options: PendingStoreOptions): PendingStore<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { owner: string; value: T; expires: number }>();
  const sweep = () => {
    const t = now();
    for (const [id, e] of entries) if (e.expires <= t) entries.delete(id);
  };
  const get = (id: string) => {
    sweep();
    const e = entries.get(id);
    return e && { owner: e.owner, value: e.value };
  };
  return {
    add(owner, value) {
      sweep();
      while (entries.size >= options.max) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      let id = randomBytes(6).toString('base64url');
      while (entries.has(id)) id = randomBytes(6).toString('base64url');
      entries.set(id, { owner, value, expires: now() + options.ttlMs });
      return id;
    },
    get,
    take(id) {
      const e = get(id);
      entries.delete(id);
      return e;
    },
    size: () => {
      sweep();
      return entries.size;
    },
  };
}
