/**
 * What the page sends with a command: option values typed as the registered command declares them,
 * and a picked file as the stand-in's upload. A value the page should have sent and did not is an
 * HttpError (400), answered to the page as JSON.
 */
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import type { OptionValue } from './standin/index.js';

/** An error the sandbox server answers with its status and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A required text field of the page's request. */
export function str(v: unknown, name: string): string {
  if (typeof v !== 'string' || v === '') throw new HttpError(400, `Missing ${name}.`);
  return v;
}

/** A file from the page (`{ filename, contentType, base64 }`) as the stand-in's upload. */
function upload(value: unknown, name: string): OptionValue {
  const file = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const filename = str(file.filename, `${name}'s file name`);
  const base64 = typeof file.base64 === 'string' ? file.base64 : '';
  const contentType = typeof file.contentType === 'string' && file.contentType ? file.contentType : undefined;
  return {
    attachment: { filename, bytes: Buffer.from(base64, 'base64'), ...(contentType && { contentType }) },
  };
}

/** Option values from the page, typed the way the registered command (or subcommand) declares them. */
export function typedOptions(
  definitions: readonly APIApplicationCommandOption[] | undefined,
  raw: unknown,
): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    const type = definitions?.find((o) => o.name === name)?.type;
    if (type === ApplicationCommandOptionType.Attachment) out[name] = upload(value, name);
    else if (type === ApplicationCommandOptionType.Boolean) out[name] = value === true || value === 'true';
    else if (type === ApplicationCommandOptionType.Integer || type === ApplicationCommandOptionType.Number)
      out[name] = Number(value);
    else out[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}
