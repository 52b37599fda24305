/**
 * Files a bot uploads with a message (multipart/form-data: `payload_json` and parts `files[n]`),
 * as Discord takes them: each entry of the body's `attachments` names an upload by its index (`id`)
 * or an attachment the message already has (kept on an edit); uploads no entry names are attached
 * too. The bytes are stored with the command attachments and served on loopback the same way.
 */
import type { APIAttachment } from 'discord-api-types/v10';
import { ATTACHMENT_MAX_BYTES } from './attachments.js';
import { ApiError, invalidFormBody } from './errors.js';
import type { World } from './state.js';
import { isRecord } from './validate.js';

/** Files on one message. */
export const MESSAGE_ATTACHMENTS_MAX = 10;

/** A file part of a multipart body. */
export interface UploadedFile {
  /** The part's name: `files[0]`, `files[1]`, … */
  readonly field: string;
  readonly filename: string;
  readonly contentType?: string;
  readonly bytes: Uint8Array;
}

export interface MultipartBody {
  /** The text parts by name (`payload_json`). */
  readonly fields: ReadonlyMap<string, string>;
  readonly files: readonly UploadedFile[];
}

const CRLF2 = Buffer.from('\r\n\r\n');

/** The parts of a multipart/form-data body, binary-safe. */
export function parseMultipart(raw: Buffer, contentType: string): MultipartBody {
  const fields = new Map<string, string>();
  const files: UploadedFile[] = [];
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) return { fields, files };
  const delimiter = Buffer.from(`--${marker}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf(CRLF2);
    if (split >= 0) {
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /\bname="([^"]*)"/i.exec(headers)?.[1];
      const filename = /\bfilename="([^"]*)"/i.exec(headers)?.[1];
      const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
      if (name !== undefined && filename !== undefined) {
        files.push({
          field: name,
          filename,
          ...(type && { contentType: type }),
          bytes: new Uint8Array(content),
        });
      } else if (name !== undefined) {
        fields.set(name, content.toString('utf8'));
      }
    }
    at = next;
  }
  return { fields, files };
}

const uploads = new WeakMap<object, readonly UploadedFile[]>();

/** Marks `body` (the parsed `payload_json`) as sent with `files`. */
export function withUploads(body: unknown, files: readonly UploadedFile[]): unknown {
  const target = isRecord(body) ? body : {};
  if (files.length > 0) uploads.set(target, files);
  return target;
}

/** The files sent with `body`, if any. */
export function uploadsOf(body: unknown): readonly UploadedFile[] {
  return isRecord(body) ? (uploads.get(body) ?? []) : [];
}

function tooMany(count: number): ApiError {
  return invalidFormBody([
    {
      path: ['attachments'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${MESSAGE_ATTACHMENTS_MAX} or fewer in length (got ${count}).`,
    },
  ]);
}

function stored(
  world: World,
  channelId: string,
  file: UploadedFile,
  entry: Record<string, unknown>,
): APIAttachment {
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new ApiError(413, { code: 40005, message: 'Request entity too large' });
  }
  const filename = typeof entry.filename === 'string' && entry.filename ? entry.filename : file.filename;
  const described = world.attachments.add(world.mintId(), channelId, {
    filename,
    bytes: file.bytes,
    ...(file.contentType !== undefined && { contentType: file.contentType }),
  }) as unknown as APIAttachment;
  return {
    ...described,
    ...(typeof entry.description === 'string' && { description: entry.description }),
  };
}

/**
 * The attachments a created or edited message ends up with; undefined when the body leaves them
 * as they were (an edit without `attachments` and without files). An entry naming neither an
 * upload nor a kept attachment is refused, as Discord does.
 */
export function messageAttachments(
  world: World,
  channelId: string,
  body: unknown,
  previous: readonly APIAttachment[],
  ephemeral: boolean,
): APIAttachment[] | undefined {
  const files = uploadsOf(body);
  const listed =
    isRecord(body) && Array.isArray(body.attachments) ? (body.attachments as unknown[]) : undefined;
  if (!listed && files.length === 0) return undefined;
  const entries = (listed ?? []).filter(isRecord);
  const used = new Set<UploadedFile>();
  const out: APIAttachment[] = [];
  for (const [index, entry] of entries.entries()) {
    const id = typeof entry.id === 'string' || typeof entry.id === 'number' ? String(entry.id) : '';
    const file = files.find((f) => f.field === `files[${id}]`);
    const kept = previous.find((a) => a.id === id);
    if (file && !used.has(file)) {
      used.add(file);
      out.push(stored(world, channelId, file, entry));
    } else if (kept) {
      out.push(kept);
    } else {
      throw invalidFormBody([
        { path: ['attachments', index, 'id'], code: 'ATTACHMENT_NOT_FOUND', message: 'Unknown attachment.' },
      ]);
    }
  }
  for (const file of files) if (!used.has(file)) out.push(stored(world, channelId, file, {}));
  if (out.length > MESSAGE_ATTACHMENTS_MAX) throw tooMany(out.length);
  return out.map((a) => ({ ...a, ephemeral }));
}
