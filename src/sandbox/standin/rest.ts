/**
 * The REST half: a small router over `/api/v10/...`, request recording, and fault injection
 * (failures with 429 / 5xx, and slow responses).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, apiErrors, ErrorCode } from './errors.js';
import type { Gateway } from './gateway.js';
import { RateLimitKeeper } from './rate-limits.js';
import type { Interactions } from './interactions.js';
import { parseMultipart, type FileUpload } from './multipart.js';
import type { Context, Reply, RestOptions, RestParts } from './rest-routes.js';
import { appRoutes, guildRoutes } from './routes-app.js';
import { messageRoutes, threadAndPollRoutes } from './routes-channels.js';
import { commandRoutes } from './routes-commands.js';
import { threadMemberRoutes } from './routes-threads.js';
import { interactionRoutes } from './routes-interactions.js';
import type { Signal } from './signal.js';
import type { World } from './state.js';

export type { RestOptions } from './rest-routes.js';

/** One REST request as the stand-in saw it. */
export interface RecordedRequest {
  /** 1, 2, ... in order of completion. */
  readonly seq: number;
  /** Arrival time (injected clock). */
  readonly time: number;
  readonly method: string;
  /** Path after `/api/v10`, percent-decoded per segment (e.g. `/webhooks/1/tok/messages/@original`). */
  readonly path: string;
  /** The path exactly as received, with the `/api/v10` prefix. */
  readonly rawPath: string;
  readonly query: Readonly<Record<string, string>>;
  /** Request headers, lower-case, without `authorization`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether an Authorization header was present (its value is never recorded). */
  readonly authorization: boolean;
  /** Parsed JSON body (or `payload_json` of a multipart body); undefined when empty. */
  readonly body: unknown;
  /** The files of a multipart body (`files[n]`), bytes included. */
  readonly files: readonly FileUpload[];
  /** The matched route, e.g. `POST /interactions/:id/:token/callback`; null for unknown routes. */
  readonly route: string | null;
  readonly status: number;
  /** The JSON answered (undefined for 204). */
  readonly response: unknown;
  /** True when the answer came from {@link Rest.failNext} rather than the route. */
  readonly injected: boolean;
  /**
   * True when answered 429 because it came while an earlier 429 covering it still held (only with
   * `enforceRateLimits`): the client did not wait as Discord told it to.
   */
  readonly ignoredRateLimit: boolean;
}

/** Selects requests: a substring of `"METHOD /path"`, a RegExp tested on it, or a predicate. */
export type RouteFilter = string | RegExp | ((request: { method: string; path: string }) => boolean);

/** A failure to inject. A 429 always carries `Retry-After` (seconds), as Discord's do. */
export type Fault =
  | { readonly status: 429; readonly retryAfter: number; readonly global?: boolean }
  | { readonly status: 500 | 502 | 503 | 504 };

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly name: string;
  readonly auth: boolean;
  readonly handler: (context: Context) => Reply;
}

function matches(filter: RouteFilter | undefined, method: string, path: string): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'string') return `${method} ${path}`.includes(filter);
  if (filter instanceof RegExp) return filter.test(`${method} ${path}`);
  return filter({ method, path });
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return phrases[status] ?? 'Error';
}

export class Rest {
  readonly requests: RecordedRequest[] = [];
  readonly #routes: readonly Route[];
  readonly #faults: { remaining: number; fault: Fault; filter: RouteFilter | undefined }[] = [];
  readonly #delays: { ms: number; filter: RouteFilter | undefined; remaining: number }[] = [];
  readonly #pending = new Set<() => void>();
  readonly #limits: RateLimitKeeper | undefined;

  constructor(
    private readonly world: World,
    private readonly interactions: Interactions,
    private readonly gateway: Gateway,
    private readonly signal: Signal,
    private readonly options: RestOptions,
  ) {
    this.#limits = options.enforceRateLimits === true ? new RateLimitKeeper() : undefined;
    const parts: RestParts = { world, interactions, gateway, signal, options };
    this.#routes = [
      ...appRoutes(parts),
      ...interactionRoutes(interactions),
      ...messageRoutes(parts),
      ...threadAndPollRoutes(parts),
      ...threadMemberRoutes(parts),
      ...commandRoutes(parts, 'global'),
      ...commandRoutes(parts, 'guild'),
      ...guildRoutes(world),
    ].map(({ method, pattern, auth, handler }) => ({
      method,
      segments: pattern.split('/').filter((segment) => segment.length > 0),
      name: `${method} ${pattern}`,
      auth,
      handler,
    }));
  }

  /** The next `count` requests matching `filter` fail with `fault` (not processed, just recorded). */
  failNext(count: number, fault: Fault, filter?: RouteFilter): void {
    this.#faults.push({ remaining: count, fault, filter });
  }

  /**
   * Holds responses to the next `count` (default: all) matching requests for `ms` after they were
   * processed (Discord has acted, the answer is slow). Returns a function that removes the rule.
   */
  delay(ms: number, filter?: RouteFilter, count = Number.POSITIVE_INFINITY): () => void {
    const rule = { ms, filter, remaining: count };
    this.#delays.push(rule);
    return () => {
      const at = this.#delays.indexOf(rule);
      if (at >= 0) this.#delays.splice(at, 1);
    };
  }

  /** Removes every pending failure and delay rule. */
  clearFaults(): void {
    this.#faults.length = 0;
    this.#delays.length = 0;
  }

  /** Releases responses being held by {@link delay} (used on close). */
  releaseDelayed(): void {
    for (const release of [...this.#pending]) release();
  }

  /** Handles one HTTP request. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void this.#respond(request, response, Buffer.concat(chunks));
    });
  }

  async #respond(request: IncomingMessage, response: ServerResponse, raw: Buffer): Promise<void> {
    const time = this.world.now();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const prefix = '/api/v10';
    const versioned = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
    const rawRoutePath = versioned ? url.pathname.slice(prefix.length) || '/' : url.pathname;
    const segments = rawRoutePath
      .split('/')
      .filter((segment) => segment.length > 0)
      .map(safeDecode);
    const path = `/${segments.join('/')}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (name === 'authorization' || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const authorization = request.headers.authorization;
    const base = {
      time,
      method,
      path,
      rawPath: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      authorization: authorization !== undefined,
    };

    let body: unknown;
    let files: readonly FileUpload[] = [];
    let reply: Reply;
    let route: Route | undefined;
    let params: Record<string, string> = {};
    let injected = false;
    let ignoredRateLimit = false;
    try {
      ({ body, files } = parseBody(raw, headers['content-type'] ?? ''));
      if (versioned) [route, params] = this.#match(method, segments);
      const fault = this.#takeFault(method, path);
      const refusal = fault ? undefined : this.#limits?.refusal(method, path, time);
      if (fault) {
        injected = true;
        reply = faultReply(fault);
        this.#limits?.note(fault, method, path, time);
      } else if (refusal) {
        ignoredRateLimit = true;
        reply = faultReply(refusal);
      } else if (!route) {
        throw apiErrors.notFound();
      } else {
        if (route.auth && authorization !== `Bot ${this.options.token}`) throw apiErrors.unauthorized();
        reply = route.handler({ params, query: url.searchParams, body, files });
      }
    } catch (error) {
      reply = errorReply(error);
    }
    this.requests.push({
      seq: this.requests.length + 1,
      ...base,
      body,
      files,
      route: route?.name ?? null,
      status: reply.status,
      response: reply.body,
      injected,
      ignoredRateLimit,
    });
    this.signal.notify();

    const held = this.#delays.find((rule) => rule.remaining > 0 && matches(rule.filter, method, path));
    if (held) {
      held.remaining -= 1;
      if (held.remaining <= 0) this.#delays.splice(this.#delays.indexOf(held), 1);
      if (held.ms > 0) await this.#hold(held.ms);
    }
    send(response, reply);
  }

  #hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.#pending.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.#pending.add(release);
    });
  }

  #takeFault(method: string, path: string): Fault | undefined {
    const rule = this.#faults.find(
      (candidate) => candidate.remaining > 0 && matches(candidate.filter, method, path),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.#faults.splice(this.#faults.indexOf(rule), 1);
    return rule.fault;
  }

  #match(method: string, segments: readonly string[]): [Route | undefined, Record<string, string>] {
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((pattern, index) => {
        const actual = segments[index] ?? '';
        if (pattern.startsWith(':')) {
          params[pattern.slice(1)] = actual;
          return true;
        }
        return pattern === actual;
      });
      if (ok) return [route, params];
    }
    return [undefined, {}];
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The JSON body (or a multipart body's `payload_json`) and the files a multipart body carries. */
function parseBody(raw: Buffer, contentType: string): { body: unknown; files: readonly FileUpload[] } {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const { fields, files } = parseMultipart(raw, contentType);
    const payload = fields.get('payload_json');
    return { body: payload === undefined ? undefined : parseJson(payload), files };
  }
  const text = raw.toString('utf8');
  return { body: contentType.startsWith('application/json') ? parseJson(text) : text, files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, { code: 50109, message: 'The request body contains invalid JSON.' });
  }
}

function faultReply(fault: Fault): Reply {
  if (fault.status === 429) {
    const global = fault.global ?? false;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global },
      headers: {
        'Retry-After': String(fault.retryAfter),
        'X-RateLimit-Scope': global ? 'global' : 'user',
        ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
      },
    };
  }
  return {
    status: fault.status,
    body: { message: `${fault.status}: ${reasonPhrase(fault.status)}`, code: ErrorCode.General },
  };
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, body: error.body };
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 500,
    body: { message: `500: Internal Server Error (stand-in: ${message})`, code: ErrorCode.General },
  };
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed || response.writableEnded) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  response
    .writeHead(reply.status, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    })
    .end(text);
}
