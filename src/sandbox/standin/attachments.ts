/**
 * Files attached to slash commands (option type 11). Discord uploads the file, sends the command
 * with the attachment's id as the option's value and its description in `resolved.attachments`
 * (id, filename, size, url, proxy_url, content_type), and serves the bytes from its CDN. The
 * stand-in serves them from its own loopback server, at `/attachments/{channel}/{id}/{filename}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StandInError } from './errors.js';

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

interface StoredAttachment {
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
    if (upload.bytes.length > ATTACHMENT_MAX_BYTES) {
      throw new StandInError(40005, 'Request entity too large: Discord takes files up to 10 MB.');
    }
    const filename = upload.filename.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'file';
    this.#files.set(id, { filename, bytes: upload.bytes, contentType: upload.contentType });
    const url = `${this.origin}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    return {
      id,
      filename,
      size: upload.reportedSize ?? upload.bytes.length,
      url,
      proxy_url: url,
      ...(upload.contentType !== undefined && { content_type: upload.contentType }),
      ephemeral: true,
    };
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
