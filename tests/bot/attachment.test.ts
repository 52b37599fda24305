import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachmentError,
  attachmentOrigins,
  attachmentProblem,
  downloadAttachment,
  DISCORD_ATTACHMENT_ORIGINS,
  MAX_ARTICLE_BYTES,
  type AttachmentInfo,
} from '../../src/bot/attachment.js';

const LIMIT = 1000;
let server: Server;
let origin: string;
const hits: string[] = [];

/** Routes of the loopback file server the downloads are tested against. */
const routes: Record<string, (res: ServerResponse) => void> = {
  '/ok.txt': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello article'),
  '/declared-big.txt': (res) =>
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(LIMIT + 1) }).end(),
  '/streamed-big.txt': (res) => {
    // No content-length: chunked, and it keeps coming.
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'x'.repeat(300);
    for (let i = 0; i < 5; i++) res.write(chunk);
    res.end();
  },
  '/redirect.txt': (res) => res.writeHead(302, { location: 'http://example.invalid/x.txt' }).end(),
  '/slow.txt': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('start');
    setTimeout(() => res.end('late'), 2000).unref();
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function info(path: string, extra: Partial<AttachmentInfo> = {}): AttachmentInfo {
  return { name: path.slice(1), size: 10, url: `${origin}${path}`, contentType: 'text/plain', ...extra };
}

const options = () => ({ origins: [origin], maxBytes: LIMIT, timeoutMs: 10_000 });

describe('attachmentOrigins', () => {
  it("is Discord's CDN plus the configured API's own origin", () => {
    expect(attachmentOrigins('https://discord.com/api')).toEqual([
      ...DISCORD_ATTACHMENT_ORIGINS,
      'https://discord.com',
    ]);
    expect(attachmentOrigins('http://127.0.0.1:4000/api')).toContain('http://127.0.0.1:4000');
  });
});

describe('attachmentProblem (before any download)', () => {
  it('accepts the file types the importer reads, with a matching or absent content type', () => {
    expect(attachmentProblem(info('/a.txt'), options())).toBeUndefined();
    expect(
      attachmentProblem(info('/a.HTML', { contentType: 'text/html; charset=utf-8' }), options()),
    ).toBeUndefined();
    expect(attachmentProblem(info('/a.md', { contentType: null }), options())).toBeUndefined();
  });
  it('refuses other types, a type that contradicts the name, and no extension', () => {
    expect(attachmentProblem(info('/a.png', { contentType: 'image/png' }), options())).toMatch(/not \.png/);
    expect(attachmentProblem(info('/a.txt', { contentType: 'image/png' }), options())).toMatch(
      /named \.txt but Discord reports it as image\/png/,
    );
    expect(attachmentProblem(info('/README', { contentType: null }), options())).toMatch(/^The bot imports/);
    expect(attachmentProblem(info('/a.constructor'), options())).toMatch(/^The bot imports/);
  });
  it('refuses a reported size over the limit', () => {
    expect(attachmentProblem(info('/a.txt', { size: LIMIT + 1 }), options())).toBe(
      'That file is larger than 1 kB, the most an article file can be.',
    );
    expect(MAX_ARTICLE_BYTES).toBe(8 * 1024 * 1024);
  });
  it('refuses a file anywhere but the allowed origins', () => {
    expect(attachmentProblem(info('/a.txt', { url: 'http://169.254.169.254/a.txt' }), options())).toMatch(
      /not on Discord’s file server/,
    );
    expect(attachmentProblem(info('/a.txt', { url: 'not a url' }), options())).toMatch(/not on Discord/);
  });
});

describe('downloadAttachment', () => {
  it('downloads the bytes', async () => {
    const bytes = await downloadAttachment(info('/ok.txt'), options());
    expect(new TextDecoder().decode(bytes)).toBe('hello article');
  });
  it('never fetches what attachmentProblem refuses', async () => {
    const before = hits.length;
    await expect(
      downloadAttachment(info('/ok.txt', { url: 'http://127.0.0.2:9/ok.txt' }), options()),
    ).rejects.toThrow(AttachmentError);
    await expect(downloadAttachment(info('/ok.txt', { size: LIMIT + 1 }), options())).rejects.toThrow(
      /larger than/,
    );
    expect(hits.length).toBe(before);
  });
  it('stops when the declared or the streamed size passes the limit', async () => {
    await expect(downloadAttachment(info('/declared-big.txt'), options())).rejects.toThrow(
      /larger than 1 kB/,
    );
    await expect(downloadAttachment(info('/streamed-big.txt'), options())).rejects.toThrow(
      /larger than 1 kB/,
    );
  });
  it('does not follow redirects, and says so briefly on 404 and timeouts', async () => {
    await expect(downloadAttachment(info('/redirect.txt'), options())).rejects.toThrow(
      /could not be downloaded/,
    );
    await expect(downloadAttachment(info('/missing.txt'), options())).rejects.toThrow(
      'The attachment could not be downloaded (Discord answered 404). Attach it again.',
    );
    await expect(downloadAttachment(info('/slow.txt'), { ...options(), timeoutMs: 300 })).rejects.toThrow(
      /took too long/,
    );
  });
});
