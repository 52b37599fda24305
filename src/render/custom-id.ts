/**
 * Button state lives in the `custom_id` (at most 100 characters), so buttons keep working after a
 * restart and on any shard, and nothing is stored. Format: `<command>|<action>|<field>|…`.
 * Fields are percent-escaped for `|` and `%`; user ids are written in base 36 to save room.
 */
import { clip, dropLast } from '../core/graphemes.js';
import { LIMITS } from './discord-limits.js';

const SEP = '|';

function esc(s: string): string {
  return s.replace(/%/g, '%25').replace(/\|/g, '%7C');
}

function unesc(s: string): string {
  return s.replace(/%7C/gi, '|').replace(/%25/g, '%');
}

/** Encodes a custom id; the last field is cut (between graphemes) to fit if it must. */
export function encodeId(command: string, action: string, ...fields: string[]): string {
  const head = [command, action, ...fields.slice(0, -1)].map(esc).join(SEP);
  const last = fields.at(-1);
  if (last === undefined) return head;
  const room = LIMITS.customId - head.length - SEP.length;
  let tail = esc(last);
  if (tail.length > room) {
    tail = clip(tail, room);
    // Don't leave half an escape sequence.
    while (/%[0-9A-F]?$/i.test(tail)) tail = dropLast(tail);
  }
  return `${head}${SEP}${tail}`;
}

export interface DecodedId {
  readonly command: string;
  readonly action: string;
  readonly fields: readonly string[];
}

export function decodeId(customId: string): DecodedId | null {
  const parts = customId.split(SEP).map(unesc);
  const [command, action, ...fields] = parts;
  if (!command || !action) return null;
  return { command, action, fields };
}

/** Snowflake → base 36 (19 digits become 12 characters). */
export function packUser(id: string): string {
  try {
    return BigInt(id).toString(36);
  } catch {
    return '0';
  }
}

export function unpackUser(packed: string | undefined): string | null {
  if (!packed || !/^[0-9a-z]{1,13}$/.test(packed)) return null;
  let n = 0n;
  for (const c of packed) n = n * 36n + BigInt(parseInt(c, 36));
  return n.toString();
}
