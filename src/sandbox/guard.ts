/**
 * Which requests the sandbox answers: only its own page, reached over loopback.
 *
 * - The Host header must name loopback (127.0.0.1, localhost or [::1]) with the sandbox's port, else
 *   421. A DNS-rebinding page reaches the server under its own host name, so it is refused here.
 * - The API refuses other origins with 403: an `Origin` header that is not the sandbox's own, or a
 *   `Sec-Fetch-Site` other than same-origin (or none: the teacher typed the address).
 * - A POST to the API must be `application/json`, else 415. A form on another site can only send
 *   text/plain, urlencoded or multipart without a preflight, so it can never pass.
 * - The page's files may be opened from elsewhere (a link), but not fetched or embedded by another site.
 */
import type { IncomingMessage } from 'node:http';

export interface Refusal {
  readonly status: 403 | 415 | 421;
  readonly error: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The `host:port` values that reach this sandbox. */
function allowedHosts(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A `Sec-Fetch-Site` that shows another site asked (absent in old browsers and in tools like curl). */
function fromElsewhere(req: IncomingMessage): boolean {
  const site = header(req, 'sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/** Undefined when the request may be answered; otherwise the status and a short reason. */
export function refuse(req: IncomingMessage, port: number, pathname: string): Refusal | undefined {
  const hosts = allowedHosts(port);
  const host = header(req, 'host')?.toLowerCase();
  if (host === undefined || !hosts.has(host)) {
    return {
      status: 421,
      error: `The sandbox answers only at http://127.0.0.1:${port} (or localhost:${port}).`,
    };
  }
  const isApi = pathname.startsWith('/api/');
  if (isApi) {
    const origin = header(req, 'origin')?.toLowerCase();
    const ownOrigin = origin?.startsWith('http://') === true && hosts.has(origin.slice('http://'.length));
    if ((origin !== undefined && !ownOrigin) || fromElsewhere(req)) {
      return { status: 403, error: 'The sandbox answers only its own page.' };
    }
    if (req.method === 'POST') {
      const type = header(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        return { status: 415, error: 'Send the request as JSON (content-type: application/json).' };
      }
    }
    return undefined;
  }
  // The page may be opened from a link anywhere, but its files are not for other sites to load.
  if (fromElsewhere(req) && header(req, 'sec-fetch-mode') !== 'navigate') {
    return { status: 403, error: 'The sandbox answers only its own page.' };
  }
  return undefined;
}
