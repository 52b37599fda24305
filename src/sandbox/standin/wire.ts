/**
 * Small helpers for building payloads with discord-api-types.
 *
 * On the wire, flags and enum-valued fields are plain numbers, and some fields discord-api-types marks
 * deprecated are still sent by Discord (and read by discord.js). These helpers keep those spots explicit.
 */

/** A number from the wire (or a request body) typed as a member of a discord-api-types enum: `wire(MessageFlags, 64)`. */
export function wire<E extends Record<string, string | number>>(
  _enum: E,
  value: number,
): Extract<E[keyof E], number> {
  return value as Extract<E[keyof E], number>;
}

/** Fields Discord still sends on roles (`color`, superseded by `colors`). */
export const LEGACY_ROLE_FIELDS: { readonly color: number } = { color: 0 };

/** A shallow copy of `object` without `keys`. */
export function without<T extends object, K extends keyof T>(object: T, ...keys: K[]): Omit<T, K> {
  const copy: Partial<T> = { ...object };
  for (const key of keys) Reflect.deleteProperty(copy, key);
  return copy as Omit<T, K>;
}

/** ISO 8601 with the `+00:00` suffix Discord uses. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}
