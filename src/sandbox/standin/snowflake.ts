/** Discord snowflakes: 42 bits of milliseconds since the Discord epoch, then worker, process and increment. */

/** 2015-01-01T00:00:00.000Z, the start of Discord time. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

const TIMESTAMP_SHIFT = 22n;
const INCREMENT_MASK = 0xfffn;

/** The Unix time in milliseconds at which a snowflake was minted. */
export function snowflakeTimestamp(id: string): number {
  return Number(BigInt(id) >> TIMESTAMP_SHIFT) + DISCORD_EPOCH_MS;
}

/** Orders two snowflakes: negative if `a` is older than `b`. */
export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Mints strictly increasing snowflakes. The timestamp part is the time asked for, unless that would
 * not sort after the previous id, in which case the increment (then the millisecond) is bumped.
 */
export class SnowflakeMinter {
  #lastMs = -1;
  #increment = 0n;

  constructor(
    private readonly workerId = 1n,
    private readonly processId = 0n,
  ) {}

  /** A new id for the given Unix time in milliseconds. */
  mint(timestampMs: number): string {
    let ms = Math.max(Math.floor(timestampMs), DISCORD_EPOCH_MS);
    if (ms < this.#lastMs) ms = this.#lastMs;
    if (ms === this.#lastMs) {
      this.#increment = (this.#increment + 1n) & INCREMENT_MASK;
      if (this.#increment === 0n) ms += 1;
    } else {
      this.#increment = 0n;
    }
    this.#lastMs = ms;
    return (
      (BigInt(ms - DISCORD_EPOCH_MS) << TIMESTAMP_SHIFT) |
      (this.workerId << 17n) |
      (this.processId << 12n) |
      this.#increment
    ).toString();
  }
}
