/**
 * The sandbox's web server: the page (static files from src/sandbox/web) and a small local API
 * that drives the stand-in as the acting user. Changes are pushed to the page with Server-Sent
 * Events. It listens on 127.0.0.1 only.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  ApplicationCommandOptionType,
  ChannelType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIMessage,
} from 'discord-api-types/v10';
import { projectPath } from '../paths.js';
import { StandInError, type StandIn, type StoredMessage } from './standin/index.js';

/** The page's files: served from src/ whether the code runs from src/ (tsx) or dist/src/ (built). */
export const WEB_DIR = projectPath('src', 'sandbox', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const MAX_BODY = 64 * 1024;

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

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request too large.');
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

function str(v: unknown, name: string): string {
  if (typeof v !== 'string' || v === '') throw new HttpError(400, `Missing ${name}.`);
  return v;
}

function send(res: ServerResponse, status: number, data: unknown): void {
  const json = JSON.stringify(data);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
}

/** Option values from the page, typed the way the registered command declares them. */
function typedOptions(
  command: APIApplicationCommand | undefined,
  raw: unknown,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    const type = command?.options?.find((o) => o.name === name)?.type;
    if (type === ApplicationCommandOptionType.Boolean) out[name] = value === true || value === 'true';
    else if (type === ApplicationCommandOptionType.Integer || type === ApplicationCommandOptionType.Number)
      out[name] = Number(value);
    else out[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** A message as `user` sees it: Discord fills a poll's `me_voted` for whoever asks. */
function withMyVotes(m: StoredMessage, userId: string): APIMessage {
  const results = m.data.poll?.results;
  if (!m.data.poll || !results) return m.data;
  return {
    ...m.data,
    poll: {
      ...m.data.poll,
      results: {
        ...results,
        answer_counts: results.answer_counts.map((a) => ({
          ...a,
          me_voted: m.votes.get(a.id)?.has(userId) ?? false,
        })),
      },
    },
  };
}

export async function startSandboxServer(options: ServerOptions): Promise<SandboxServer> {
  const { standIn } = options;
  const world = standIn.world;
  const guild = () => world.resolveGuild(undefined);
  const clients = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | undefined;

  const changed = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      for (const c of clients) c.write('event: change\ndata: {}\n\n');
    }, 40);
  };
  const unlisten = standIn.onChange(changed);

  const commandsFor = () => {
    const g = guild();
    const all = new Map<string, APIApplicationCommand>(
      [...world.globalCommands, ...g.commands].map(([, c]) => [c.name, c]),
    );
    return [...all.values()];
  };

  function state(userKey: string, channelRef: string | undefined) {
    const g = guild();
    const user = world.resolveUser(userKey);
    const channel = world.resolveChannel(g, channelRef || 'general');
    const users = [...g.members.keys()]
      .map((id) => world.users.get(id))
      .filter((u): u is NonNullable<typeof u> => u !== undefined && !u.bot)
      .map((u) => ({
        key: u.key,
        id: u.id,
        name: u.globalName ?? u.username,
        teacher: (world.memberPermissions(g, u.id) & PermissionFlagsBits.ManageMessages) !== 0n,
      }));
    const channels = [...g.channels.values()]
      .filter((c) => c.type === ChannelType.GuildText || c.thread !== null)
      .map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        ...(c.parentId && c.thread && { parentId: c.parentId }),
      }));
    const messages = [...world.messages.values()]
      .filter(
        (m) =>
          !m.deleted &&
          m.data.channel_id === channel.id &&
          (m.ephemeralFor === null || m.ephemeralFor === user.id),
      )
      .map((m) => withMyVotes(m, user.id));
    // A thread opened from a message shows that message at its top, as Discord's client does.
    const starter = channel.thread ? world.messages.get(channel.id) : undefined;
    if (starter && !starter.deleted) messages.unshift(withMyVotes(starter, user.id));
    const names: Record<string, string> = {};
    for (const u of world.users.values()) names[u.id] = u.globalName ?? u.username;
    for (const c of g.channels.values()) names[c.id] = c.name;
    for (const r of g.roles) names[r.id] = r.name;
    return {
      guild: { id: g.id, name: g.name },
      users,
      channels,
      channel: channel.id,
      commands: commandsFor().map((c) => ({
        name: c.name,
        description: c.description,
        options: c.options ?? [],
        teacherOnly: c.default_member_permissions !== null,
      })),
      messages,
      names,
      problems: options.problems(),
    };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'GET' && url.pathname === '/api/state') {
      send(
        res,
        200,
        state(url.searchParams.get('user') ?? 'student1', url.searchParams.get('channel') ?? undefined),
      );
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('event: change\ndata: {}\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.method !== 'POST') throw new HttpError(404, 'Not found.');
    const b = await body(req);
    const user = str(b.user, 'user');
    switch (url.pathname) {
      case '/api/command': {
        const name = str(b.name, 'command name');
        const command = commandsFor().find((c) => c.name === name);
        if (!command) throw new HttpError(404, `There is no /${name} command.`);
        const options = typedOptions(command, b.options);
        const missing = (command.options ?? []).find(
          (o) => 'required' in o && o.required && !(o.name in options),
        );
        if (missing) throw new HttpError(400, `Fill in ${missing.name}.`);
        standIn.slash({ user, channel: str(b.channel, 'channel'), name, options });
        send(res, 200, { ok: true });
        return;
      }
      case '/api/autocomplete': {
        const name = str(b.name, 'command name');
        const command = commandsFor().find((c) => c.name === name);
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
          focused,
          // The option being typed is always sent as the partial string, even when empty.
          options: { ...typedOptions(command, raw), [focused]: typeof typed === 'string' ? typed : '' },
        });
        send(res, 200, { choices: await handle.choices(3000) });
        return;
      }
      case '/api/button':
        standIn.button({
          user,
          message: str(b.messageId, 'messageId'),
          customId: str(b.customId, 'customId'),
        });
        send(res, 200, { ok: true });
        return;
      case '/api/say': {
        const content = str(b.content, 'message text').slice(0, 2000);
        standIn.say({ user, channel: str(b.channel, 'channel'), content });
        send(res, 200, { ok: true });
        return;
      }
      case '/api/vote':
        standIn.vote({ user, message: str(b.messageId, 'messageId'), answers: [Number(b.answerId)] });
        send(res, 200, { ok: true });
        return;
      default:
        throw new HttpError(404, 'Not found.');
    }
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
    });
    res.end(data);
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/api/') ? api(req, res, url) : serveFile(res, url.pathname);
    work.catch((err: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (err instanceof HttpError) send(res, err.status, { error: err.message });
      else if (err instanceof StandInError && err.code === 50013) {
        send(res, 403, {
          error:
            'That command is for teachers (members with Manage Messages). Switch to the teacher to try it.',
        });
      } else if (err instanceof StandInError)
        send(res, 400, { error: err.message.replace(/^StandIn: /, '') });
      else send(res, 500, { error: 'Something went wrong in the sandbox.' });
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    const tryListen = (p: number, fallback: boolean) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        if (fallback && err.code === 'EADDRINUSE') tryListen(0, false);
        else reject(err);
      });
      server.listen(p, '127.0.0.1', () => {
        resolve((server.address() as AddressInfo).port);
      });
    };
    tryListen(options.port ?? 0, options.port !== undefined && options.port !== 0);
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    changed,
    async close() {
      unlisten();
      clearTimeout(pending);
      for (const c of clients) c.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
