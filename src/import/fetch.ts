/**
 * Fetching a page for import: http(s) only, a timeout for the whole fetch, a size limit, at most
 * five redirects, and every address checked after DNS resolution (at connect time, so a name that
 * resolves differently on a second look cannot slip through), redirects included.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress, unmapIPv4 } from './address.js';
import { ImportError } from './errors.js';

export interface FetchOptions {
  /** Allow every address (tests that serve pages on loopback). */
  readonly allowLoopback: boolean;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** The address policy when loopback is not allowed; default: public addresses only. */
  readonly allowAddress?: (ip: string) => boolean;
}

/** The address policy in force. */
const policy = (options: Pick<FetchOptions, 'allowLoopback' | 'allowAddress'>): ((ip: string) => boolean) =>
  options.allowLoopback ? () => true : (options.allowAddress ?? isPublicAddress);

export interface Fetched {
  readonly bytes: Uint8Array;
  /** The address the page finally came from, after redirects. */
  readonly finalUrl: string;
  /** The Content-Type's media type, lower case, without parameters. */
  readonly mediaType: string;
  readonly charset?: string;
}

const MAX_REDIRECTS = 5;

const megabytes = (bytes: number): string => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

const refusedAddress = (host: string): ImportError =>
  new ImportError(`Refused: ${host} is a private or local network address, not a public web page.`);

/** A URL the importer may fetch, or why not. */
export function checkUrl(raw: string, options: Pick<FetchOptions, 'allowLoopback' | 'allowAddress'>): URL {
  const allowed = policy(options);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ImportError(`Not a web address: ${raw.slice(0, 100)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ImportError(`Only http:// and https:// addresses can be imported, not ${url.protocol}`);
  if (url.username || url.password)
    throw new ImportError('Addresses with a user name or password are refused.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allowed(host)) throw refusedAddress(unmapIPv4(host));
  if (/(?:^|\.)localhost\.?$/i.test(host) && !allowed('127.0.0.1')) throw refusedAddress(host);
  return url;
}

/** DNS lookup that fails for any non-public address (all addresses of the name are checked). */
function guardedLookup(allowed: (ip: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const bad = addresses.find((a) => !allowed(a.address));
      if (bad) {
        callback(
          Object.assign(refusedAddress(`${hostname} (${unmapIPv4(bad.address)})`), {
            code: 'EREFUSED_ADDRESS',
          }),
          '',
          0,
        );
        return;
      }
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else {
        const first = addresses[0];
        if (first) callback(null, first.address, first.family);
        else callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
      }
    });
  };
}

/** A network failure in words a teacher can act on. */
function networkMessage(error: unknown, url: URL): ImportError {
  if (error instanceof ImportError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const host = url.host;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new ImportError(`Could not find ${host}: check the address, or the network is offline.`);
  if (code === 'ECONNREFUSED') return new ImportError(`${host} refused the connection.`);
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
    return new ImportError(`Could not reach ${host}: the network is offline or unreachable.`);
  if (code === 'ECONNRESET') return new ImportError(`${host} closed the connection.`);
  if (code.startsWith('ERR_TLS') || code.includes('CERT'))
    return new ImportError(`${host}'s secure connection could not be verified (${code}).`);
  return new ImportError(`Could not fetch ${host} (${code || 'network error'}).`);
}

/** One request: the response, whose body is not read yet. */
function request(url: URL, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      {
        lookup: guardedLookup(policy(options)),
        signal,
        headers: { 'user-agent': 'discussion-guide-bot importer', accept: 'text/html,text/plain,*/*;q=0.5' },
      },
      resolve,
    );
    req.on('error', reject);
  });
}

/** Reads a response body up to `maxBytes`. */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    response.destroy();
    throw new ImportError(`The page is ${megabytes(declared)}, over the ${megabytes(maxBytes)} limit.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      response.destroy();
      throw new ImportError(`The page is over the ${megabytes(maxBytes)} limit.`);
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Fetches `raw`, following redirects, with every address checked. Throws only ImportError. */
export async function fetchPage(raw: string, options: FetchOptions): Promise<Fetched> {
  let url = checkUrl(raw, options);
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, options.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const response = await request(url, options, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (hop >= MAX_REDIRECTS) throw new ImportError(`Too many redirects (over ${MAX_REDIRECTS}).`);
        url = checkUrl(new URL(response.headers.location, url).href, options);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new ImportError(`The page answered ${status} ${response.statusMessage ?? ''}`.trim() + '.');
      }
      const [mediaType = '', ...params] = (response.headers['content-type'] ?? '').split(';');
      const charset = params.map((p) => /charset\s*=\s*"?([\w-]+)/i.exec(p)?.[1]).find(Boolean);
      const bytes = await readBody(response, options.maxBytes);
      return {
        bytes,
        finalUrl: url.href,
        mediaType: mediaType.trim().toLowerCase(),
        ...(charset && { charset }),
      };
    }
  } catch (error) {
    if (controller.signal.aborted)
      throw new ImportError(`${url.host} did not answer within ${Math.round(options.timeoutMs / 1000)} s.`);
    throw networkMessage(error, url);
  } finally {
    clearTimeout(timer);
  }
}
