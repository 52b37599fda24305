/**
 * Files attached to slash commands (option type 11). Discord uploads the file, sends the command
 * with the attachment's id as the option's value and its description in `resolved.attachments`
 * (id, filename, size, url, proxy_url, content_type), and serves the bytes from its CDN. The
 * stand-in serves them from its own loopback server, at `/attachments/{channel}/{id}/{filename}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIAttachment } from 'discord-api-types/v10';
import { StandInError } from './errors.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; undefined for anything that is not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Discord's upload limit for a member without Nitro. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A file a test (or the sandbox page) attaches to a command. */
export interface AttachmentUpload {
  readonly filename: string;
  readonly bytes: Uint8Array;
  /** What Discord reports as its type; omitted, none is reported (as for a file Discord cannot tell). */
  readonly contentType?: string;
  /** The size Discord reports; default the real size. Lets a test lie, to check the download's own limit. */
  readonly reportedSize?: number;
}

export interface StoredAttachment {
  readonly filename: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | undefined;
}

export class Attachments {
  /** Origin the files are served from (`http://127.0.0.1:PORT`), set once the server listens. */
  origin = '';
  /** Ids of the attachments downloaded so far, in order (a test checks nothing was fetched). */
  readonly downloads: string[] = [];
  readonly #files = new Map<string, StoredAttachment>();

  /** Stores an upload under `id` and returns Discord's description of it, for `resolved.attachments`. */
  add(id: string, channelId: string, upload: AttachmentUpload): Record<string, unknown> {
    return { ...this.store(id, channelId, upload), ephemeral: true };
  }

  /**
   * Stores a file under `id` and returns Discord's attachment object (a command's input, or a file the
   * bot sent with a message). A PNG's width and height are read from its header, as Discord reports them.
   */
  store(id: string, channelId: string, upload: AttachmentUpload, description?: string): APIAttachment {
    if (upload.bytes.length > ATTACHMENT_MAX_BYTES) {
      throw new StandInError(40005, 'Request entity too large: Discord takes files up to 10 MB.');
    }
    const filename = upload.filename.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'file';
    this.#files.set(id, { filename, bytes: upload.bytes, contentType: upload.contentType });
    const url = `${this.origin}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    const size = pngSize(upload.bytes);
    return {
      id,
      filename,
      size: upload.reportedSize ?? upload.bytes.length,
      url,
      proxy_url: url,
      ...(upload.contentType !== undefined && { content_type: upload.contentType }),
      ...(description !== undefined && { description }),
      ...(size && { width: size.width, height: size.height }),
    };
  }

  /** A stored file by id (the sandbox page serves it from its own origin). */
  file(id: string): Readonly<StoredAttachment> | undefined {
    return this.#files.get(id);
  }

  /** Answers `GET /attachments/{channel}/{id}/{filename}`; returns false for any other path. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/attachments\/\d+\/(\d+)\/[^/]+$/.exec(url.pathname);
    if (!match) return false;
    const id = match[1] ?? '';
    const file = this.#files.get(id);
    if (request.method !== 'GET' || !file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return true;
    }
    this.downloads.push(id);
    response
      .writeHead(200, {
        'Content-Type': file.contentType ?? 'application/octet-stream',
        'Content-Length': file.bytes.length,
      })
      .end(Buffer.from(file.bytes));
    return true;
  }
}
