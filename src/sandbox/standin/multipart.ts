/**
 * `multipart/form-data` bodies as discord.js sends them when a message carries files: a
 * `payload_json` field with the message, and one `files[n]` part per file, whose `n` matches the
 * `id` of an entry in the payload's `attachments`. Parsed on bytes, so images survive intact.
 */

/** A file part of a multipart body. */
export interface FileUpload {
  /** The `n` of `files[n]` (the id the payload's `attachments` refers to). */
  readonly index: number;
  readonly filename: string;
  readonly contentType: string | undefined;
  readonly bytes: Uint8Array;
}

/** The parts of a multipart body: text fields by name, and the files. */
export interface MultipartBody {
  readonly fields: ReadonlyMap<string, string>;
  readonly files: readonly FileUpload[];
}

const HEADER_END = Buffer.from('\r\n\r\n');

function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Splits a multipart body into its parts; an unparsable body has none. */
export function parseMultipart(raw: Buffer, contentType: string): MultipartBody {
  const fields = new Map<string, string>();
  const files: FileUpload[] = [];
  const marker = boundaryOf(contentType);
  if (marker === undefined) return { fields, files };
  const delimiter = Buffer.from(`--${marker}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = raw.subarray(start, next);
    const split = part.indexOf(HEADER_END);
    if (split >= 0) {
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + HEADER_END.length, Math.max(split + 4, part.length - 2));
      addPart(headers, content, fields, files);
    }
    at = next;
  }
  return { fields, files };
}

function addPart(headers: string, content: Buffer, fields: Map<string, string>, files: FileUpload[]): void {
  const name = /name="([^"]*)"/i.exec(headers)?.[1];
  if (name === undefined) return;
  const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
  const file = /^files\[(\d+)\]$/.exec(name);
  if (file && filename !== undefined) {
    files.push({
      index: Number(file[1]),
      filename,
      contentType: /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim(),
      bytes: new Uint8Array(content),
    });
  } else if (filename === undefined) {
    fields.set(name, content.toString('utf8'));
  }
}
