import { describe, expect, it } from 'vitest';
import {
  DISCORD_EPOCH_MS,
  SnowflakeMinter,
  compareSnowflakes,
  snowflakeTimestamp,
} from '../../src/sandbox/standin/snowflake.js';

describe('SnowflakeMinter', () => {
  it('encodes the time asked for, readable with (id >> 22) + epoch', () => {
    const at = Date.UTC(2024, 8, 2, 8, 0, 0);
    const id = new SnowflakeMinter().mint(at);
    expect(snowflakeTimestamp(id)).toBe(at);
    expect(Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS).toBe(at);
  });

  it('never goes backwards, even when the clock does', () => {
    const minter = new SnowflakeMinter();
    const ids = [
      minter.mint(2_000_000_000_000),
      minter.mint(2_000_000_000_000),
      minter.mint(1_900_000_000_000),
    ];
    expect([...ids].sort(compareSnowflakes)).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });
});
