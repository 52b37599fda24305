/**
 * The sandbox's web server: the page (static files from src/sandbox/web) and a small local API
 * that drives the stand-in as the acting user. Server-Sent Events tell the page that something
 * changed; it then fetches a bounded window of the newest messages (`limit`, "load older" asks for
 * more), so neither an answer nor the page grows with the length of the session. It listens on
 * 127.0.0.1 only and answers only its own page (see guard.ts).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  ApplicationCommandOptionType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import { projectPath } from '../paths.js';
import { refuse } from './guard.js';
import { ApiError, StandInError, type DiscordErrorBody, type StandIn } from './standin/index.js';
import { HttpError, str, typedOptions } from './page-options.js';
import { pickInSelect, serveAttachment, submitModal } from './page-components.js';
import { pageState } from './view.js';

/** The page's files: served from src/ whether the code runs from src/ (tsx) or dist/src/ (built). */
export const WEB_DIR = projectPath('src', 'sandbox', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const MAX_BODY = 64 * 1024;
/** A command carrying a file (base64 in JSON): room for Discord's 10 MB upload limit and a bit more. */
export const MAX_UPLOAD_BODY = 15 * 1024 * 1024;
/** Messages in one state answer unless the page asks for more ("load older" adds as many again). */
export const STATE_WINDOW = 50;
/** The most messages one state answer holds, however many the page asks for. */
export const STATE_WINDOW_MAX = 500;

/** Security headers for the page's files: nothing from elsewhere, and never inside another site's frame. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export interface SandboxServer {
  readonly url: string;
  readonly port: number;
  /** Tell the page something changed (e.g. content problems). */
  readonly changed: () => void;
  readonly close: () => Promise<void>;
}

export interface ServerOptions {
  readonly standIn: StandIn;
  /** Content problems to show on the page (`file:line: message`), current at each call. */
  readonly problems: () => readonly string[];
  readonly port?: number;
}

async function body(req: IncomingMessage, max = MAX_BODY): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > max) throw new HttpError(413, 'Request too large.');
    chunks.push(b);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
}

function send(res: ServerResponse, status: number, data: unknown): void {
  const json = JSON.stringify(data);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

/** Discord's error answer in one line: "Invalid Form Body (50035): content: Must be 2000 or fewer in length." */
export function describeApiError(body: DiscordErrorBody): string {
  const details: string[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '_errors' && Array.isArray(value)) {
        for (const e of value as { message?: unknown }[])
          details.push(`${path.join('.')}: ${String(e.message)}`);
      } else walk(value, [...path, key]);
    }
  };
  walk(body.errors, []);
  return `Discord would refuse this: ${body.message} (${body.code})${details.length > 0 ? `: ${details.join('; ')}` : '.'}`;
}

/** The `limit` a state request asks for, within 1…{@link STATE_WINDOW_MAX}. */
function windowSize(raw: string | null): number {
  const n = raw === null ? STATE_WINDOW : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(STATE_WINDOW_MAX, Math.max(1, n)) : STATE_WINDOW;
}

/** What a route handler gets: the request, its URL, the options and the page's change feed. */
interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly options: ServerOptions;
  readonly feed: ChangeFeed;
}

/** A POST route: the body's `user` and the rest of the body; returns the JSON answer. */
type PostRoute = (standIn: StandIn, user: string, b: Record<string, unknown>) => unknown;

/** Every registered command (for typing options); who may see one is the stand-in's rule. */
function registeredCommand(standIn: StandIn, name: string): APIApplicationCommand | undefined {
  const guildCommands = standIn.commands(standIn.guildId());
  return guildCommands.find((c) => c.name === name) ?? standIn.commands().find((c) => c.name === name);
}

/**
 * The command the page names: "quote", or "article add" for a subcommand (the page lists each
 * subcommand as Discord's `/` list does), with the option definitions that apply.
 */
function namedCommand(
  standIn: StandIn,
  fullName: string,
): { name: string; subcommand?: string; definitions: readonly APIApplicationCommandOption[] } {
  const [name = '', subcommand] = fullName.split(' ');
  const command = registeredCommand(standIn, name);
  if (!command) throw new HttpError(404, `There is no /${fullName} command.`);
  if (subcommand === undefined) return { name, definitions: command.options ?? [] };
  const sub = command.options?.find(
    (o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === subcommand,
  );
  if (sub?.type !== ApplicationCommandOptionType.Subcommand)
    throw new HttpError(404, `There is no /${fullName} command.`);
  return { name, subcommand, definitions: sub.options ?? [] };
}

function runCommand(standIn: StandIn, user: string, b: Record<string, unknown>): unknown {
  const { name, subcommand, definitions } = namedCommand(standIn, str(b.name, 'command name'));
  const options = typedOptions(definitions, b.options);
  const missing = definitions.find((o) => 'required' in o && o.required && !(o.name in options));
  if (missing) throw new HttpError(400, `Fill in ${missing.name}.`);
  standIn.slash({
    user,
    channel: str(b.channel, 'channel'),
    name,
    ...(subcommand !== undefined && { subcommand }),
    options,
  });
  return { ok: true };
}

async function autocomplete(standIn: StandIn, user: string, b: Record<string, unknown>): Promise<unknown> {
  const { name, subcommand, definitions } = namedCommand(standIn, str(b.name, 'command name'));
  const focused = str(b.focused, 'focused option');
  const raw = (typeof b.options === 'object' && b.options !== null ? b.options : {}) as Record<
    string,
    unknown
  >;
  const typed = raw[focused];
  const handle = standIn.autocomplete({
    user,
    channel: str(b.channel, 'channel'),
    name,
    ...(subcommand !== undefined && { subcommand }),
    focused,
    // The option being typed is always sent as the partial string, even when empty.
    options: { ...typedOptions(definitions, raw), [focused]: typeof typed === 'string' ? typed : '' },
  });
  return { choices: await handle.choices(3000) };
}

const POST_ROUTES: Readonly<Record<string, PostRoute>> = {
  '/api/command': runCommand,
  '/api/autocomplete': autocomplete,
  '/api/button': (standIn, user, b) => {
    standIn.button({ user, message: str(b.messageId, 'messageId'), customId: str(b.customId, 'customId') });
    return { ok: true };
  },
  '/api/select': pickInSelect,
  '/api/modal': submitModal,
  '/api/modal/close': (standIn, user) => {
    standIn.closeModal(user);
    return { ok: true };
  },
  '/api/say': (standIn, user, b) => {
    // Checked as Discord checks it: too long is refused (400, 50035), never cut short.
    standIn.say({ user, channel: str(b.channel, 'channel'), content: str(b.content, 'message text') });
    return { ok: true };
  },
  '/api/vote': (standIn, user, b) => {
    standIn.vote({ user, message: str(b.messageId, 'messageId'), answers: [Number(b.answerId)] });
    return { ok: true };
  },
};

const GET_ROUTES: Readonly<Record<string, (context: RouteContext) => void>> = {
  '/api/state': ({ res, url, options }) => {
    send(
      res,
      200,
      pageState(options.standIn, {
        user: url.searchParams.get('user') ?? 'student1',
        channel: url.searchParams.get('channel') ?? undefined,
        limit: windowSize(url.searchParams.get('limit')),
        problems: options.problems(),
      }),
    );
  },
  '/api/events': ({ req, res, feed }) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    feed.subscribe(req, res);
  },
};

async function api(context: RouteContext): Promise<void> {
  const { req, res, url } = context;
  const get = req.method === 'GET' ? GET_ROUTES[url.pathname] : undefined;
  if (get) {
    get(context);
    return;
  }
  const post = req.method === 'POST' ? POST_ROUTES[url.pathname] : undefined;
  if (!post) throw new HttpError(404, 'Not found.');
  const b = await body(req, url.pathname === '/api/command' ? MAX_UPLOAD_BODY : MAX_BODY);
  const user = str(b.user, 'user');
  send(res, 200, await post(context.options.standIn, user, b));
}

async function serveFile(res: ServerResponse, pathname: string): Promise<void> {
  const name = pathname === '/' ? 'index.html' : pathname.slice(1);
  if (!/^[\w.-]+$/.test(name)) throw new HttpError(404, 'Not found.');
  const file = path.join(WEB_DIR, name);
  const data = await readFile(file).catch(() => {
    throw new HttpError(404, 'Not found.');
  });
  res.writeHead(200, {
    'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    ...PAGE_HEADERS,
  });
  res.end(data);
}

/** Server-Sent Events to the open pages: "something changed", at most once per 40 ms. */
interface ChangeFeed {
  readonly changed: () => void;
  readonly subscribe: (req: IncomingMessage, res: ServerResponse) => void;
  readonly close: () => void;
}

function changeFeed(): ChangeFeed {
  const clients = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | undefined;
  return {
    changed() {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        for (const c of clients) c.write('event: change\ndata: {}\n\n');
      }, 40);
    },
    subscribe(req, res) {
      res.write('event: change\ndata: {}\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    close() {
      clearTimeout(pending);
      for (const c of clients) c.end();
      clients.clear();
    },
  };
}

/** Answers a failed request with a short message: Discord's refusal in words, never a stack trace. */
function sendError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (err instanceof HttpError) send(res, err.status, { error: err.message });
  else if (err instanceof ApiError) send(res, err.status, { error: describeApiError(err.body) });
  else if (err instanceof StandInError && err.code === 50013) {
    send(res, 403, {
      error: 'That command is for teachers (members with Manage Messages). Switch to the teacher to try it.',
    });
  } else if (err instanceof StandInError && err.code === 50001) {
    send(res, 403, { error: err.message.replace(/^StandIn: /, '') });
  } else if (err instanceof StandInError) send(res, 400, { error: err.message.replace(/^StandIn: /, '') });
  else send(res, 500, { error: 'Something went wrong in the sandbox.' });
}

/** Listens on 127.0.0.1:`port`; a taken port falls back to any free one when `fallback`. */
function listen(server: Server, port: number, fallback: boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const tryListen = (p: number, mayFallBack: boolean) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        if (mayFallBack && err.code === 'EADDRINUSE') tryListen(0, false);
        else reject(err);
      });
      server.listen(p, '127.0.0.1', () => {
        resolve((server.address() as AddressInfo).port);
      });
    };
    tryListen(port, fallback);
  });
}

export async function startSandboxServer(options: ServerOptions): Promise<SandboxServer> {
  const feed = changeFeed();
  const unlisten = options.standIn.onChange(feed.changed);
  let port = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refusal = refuse(req, port, url.pathname);
    if (refusal) {
      // The body is not read: close the connection rather than keep it for another request.
      res.setHeader('connection', 'close');
      send(res, refusal.status, { error: refusal.error });
      return;
    }
    const work = url.pathname.startsWith('/api/')
      ? api({ req, res, url, options, feed })
      : url.pathname.startsWith('/files/')
        ? Promise.resolve().then(() => {
            serveAttachment(options.standIn, res, url.pathname);
          })
        : serveFile(res, url.pathname);
    work.catch((err: unknown) => {
      sendError(res, err);
    });
  });
  port = await listen(server, options.port ?? 0, options.port !== undefined && options.port !== 0);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    changed: feed.changed,
    async close() {
      unlisten();
      feed.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
