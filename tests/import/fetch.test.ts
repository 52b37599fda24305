/**
 * URL imports against a real HTTP server on loopback: pages, redirects, limits, and the address
 * guard that keeps the importer off private, local and loopback networks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, fetchPage } from '../../src/import/fetch.js';
import { ImportError, importArticle } from '../../src/import/index.js';
import { fixture, loadImported } from './helpers.js';

let server: Server;
let base: string;
let newsPage: Uint8Array;

beforeAll(async () => {
  newsPage = await fixture('news.html');
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/news') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(Buffer.from(newsPage));
    } else if (url === '/plain') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Title line\n\nThe only paragraph of a plain text page, long enough to read.\n');
    } else if (url === '/moved') {
      res.writeHead(301, { location: '/news' });
      res.end();
    } else if (url === '/to-loopback') {
      res.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/news` });
      res.end();
    } else if (url === '/to-loopback-6') {
      res.writeHead(302, { location: `http://[::1]:${(server.address() as AddressInfo).port}/news` });
      res.end();
    } else if (url === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    } else if (url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (url === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.alloc(5000, 'a'));
    } else if (url === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000, 'a'));
      res.end();
    } else if (url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      // Never ends: the timeout must.
    } else if (url === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

const LOOPBACK = { allowLoopback: true, timeoutMs: 5000, maxBytes: 1024 * 1024 };
const GUARDED = { ...LOOPBACK, allowLoopback: false };

describe('importArticle from a URL (loopback server, loopback allowed)', () => {
  it('imports a page served over HTTP; the article loads with its original as source', async () => {
    const result = await importArticle(
      { kind: 'url', url: `${base}/news` },
      { contentDir: '/nonexistent', allowLoopback: true },
    );
    expect(result.sourceFile).toMatch(/\.html$/);
    expect(Buffer.from(result.sourceBytes).equals(Buffer.from(newsPage))).toBe(true);
    expect(result.provenance).toContain(`<${base}/news>`);
    const content = await loadImported(result);
    expect(content.articles[0]?.passages).toHaveLength(6);
  });

  it('follows a redirect and notes where the page came from', async () => {
    const fetched = await fetchPage(`${base}/moved`, LOOPBACK);
    expect(fetched.finalUrl).toBe(`${base}/news`);
    const result = await importArticle(
      { kind: 'url', url: `${base}/moved` },
      { contentDir: '/nonexistent', allowLoopback: true },
    );
    expect(result.provenance).toContain(`**Fetched from:** <${base}/news>`);
  });

  it('takes text/plain as a .txt, with the page address as its url', async () => {
    const result = await importArticle(
      { kind: 'url', url: `${base}/plain` },
      { contentDir: '/nonexistent', allowLoopback: true },
    );
    expect(result.sourceFile).toMatch(/\.txt$/);
    expect(result.markdown).toContain(`url: ${base}/plain`);
  });

  it('answers a 404, too many redirects, a redirect to another scheme, and PDF with a short message', async () => {
    await expect(fetchPage(`${base}/missing`, LOOPBACK)).rejects.toThrow('The page answered 404 Not Found.');
    await expect(fetchPage(`${base}/loop`, LOOPBACK)).rejects.toThrow(/Too many redirects/);
    await expect(fetchPage(`${base}/to-file`, LOOPBACK)).rejects.toThrow(/Only http:\/\/ and https:\/\//);
    await expect(
      importArticle({ kind: 'url', url: `${base}/pdf` }, { contentDir: '/x', allowLoopback: true }),
    ).rejects.toThrow(/PDF is not supported/);
  });

  it('stops at the size limit, whether the server declares the size or not', async () => {
    const small = { ...LOOPBACK, maxBytes: 2000 };
    await expect(fetchPage(`${base}/big`, small)).rejects.toThrow(/over the 0 MB limit|over the .* limit/);
    await expect(fetchPage(`${base}/big-chunked`, small)).rejects.toThrow(/over the .* limit/);
    await expect(fetchPage(`${base}/big`, LOOPBACK)).resolves.toMatchObject({ mediaType: 'text/html' });
  });

  it('gives up after the timeout', async () => {
    await expect(fetchPage(`${base}/slow`, { ...LOOPBACK, timeoutMs: 300 })).rejects.toThrow(
      /did not answer within/,
    );
  });

  it('says clearly when the host cannot be found or refuses', async () => {
    await expect(fetchPage('http://no-such-host.invalid/', LOOPBACK)).rejects.toThrow(
      /Could not find no-such-host\.invalid: check the address, or the network is offline\./,
    );
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) =>
      closed.close(() => {
        resolve();
      }),
    );
    await expect(fetchPage(`http://127.0.0.1:${port}/`, LOOPBACK)).rejects.toThrow(/refused the connection/);
  });
});

describe('the address guard (loopback not allowed)', () => {
  it('refuses loopback, private, link-local and unspecified addresses written in the URL', async () => {
    for (const url of [
      `${base}/news`,
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      'http://172.16.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://0.0.0.0/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fe80::1]/',
      'http://2130706433/', // 127.0.0.1 as one number
      'http://localhost/',
    ])
      await expect(fetchPage(url, GUARDED), url).rejects.toThrow(
        /Refused: .* private or local network address/,
      );
  });

  it('refuses a name that resolves to a local address (checked after DNS resolution)', async () => {
    // The machine's own name resolves (through /etc/hosts) to a loopback or private address.
    const port = (server.address() as AddressInfo).port;
    await expect(fetchPage(`http://${os.hostname()}:${port}/news`, GUARDED)).rejects.toThrow(
      /Refused: .* private or local network address/,
    );
    await expect(fetchPage(`http://${os.hostname()}:${port}/news`, LOOPBACK)).resolves.toMatchObject({
      mediaType: 'text/html',
    });
  });

  it('checks every redirect again: a redirect to a refused address is refused', async () => {
    // The test server is on 127.0.0.1, so this policy lets the first hop through (only that
    // address, and not by name); the redirect then goes to a name that resolves elsewhere.
    const onlyServer = { ...GUARDED, allowAddress: (ip: string) => ip === '127.0.0.1' };
    await expect(fetchPage(`${base}/news`, onlyServer)).resolves.toMatchObject({ mediaType: 'text/html' });
    const err = await fetchPage(`${base}/to-loopback-6`, onlyServer).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/^Refused: ::1 /);
    // With the default policy, the loopback server itself is refused before any request.
    await expect(fetchPage(`${base}/to-loopback`, GUARDED)).rejects.toThrow(/^Refused: 127\.0\.0\.1 /);
  });

  it('refuses schemes other than http and https, and addresses with credentials', () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/a',
      'javascript:alert(1)',
      'data:text/html,hi',
      'gopher://x',
    ])
      expect(() => checkUrl(url, GUARDED), url).toThrow(/Only http:\/\/ and https:\/\//);
    expect(() => checkUrl('not a url', GUARDED)).toThrow(/Not a web address/);
    expect(() => checkUrl('http://user:pw@example.com/', GUARDED)).toThrow(/user name or password/);
    expect(checkUrl('https://example.com/a', GUARDED).href).toBe('https://example.com/a');
  });
});
