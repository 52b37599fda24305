/** Copying optional fields from one object to another without writing a key that holds `undefined`. */

/** The fields of `from` named in `keys` that are set, in the order of `keys`. */
export function definedFields<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], undefined> } {
  const out: { [P in K]?: Exclude<T[P], undefined> } = {};
  for (const key of keys) {
    const value = from[key];
    if (value !== undefined) out[key] = value as Exclude<T[K], undefined>;
  }
  return out;
}
