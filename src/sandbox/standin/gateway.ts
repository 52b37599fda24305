/**
 * The gateway: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME with replay, dispatches routed
 * to the shard that owns a guild, and fault injection (close codes, abrupt drops, withheld ACKs).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { Signal } from './signal.js';
import { World } from './state.js';
import {
  Op,
  Intent,
  CloseCode,
  REPLAY_BUFFER_MAX,
  type GatewayEvent,
  type DispatchFrame,
  Session,
  type Connection,
  SESSION_ENDING_CLOSE_CODES,
  type ShardSessionInfo,
  type ShardCounters,
  type GatewayOptions,
} from './gateway-protocol.js';

export {
  CloseCode,
  Intent,
  Op,
  Session,
  type GatewayEvent,
  type GatewayOptions,
  type ShardSessionInfo,
} from './gateway-protocol.js';

export class Gateway {
  readonly events: GatewayEvent[] = [];
  readonly sessions = new Map<string, Session>();
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();
  readonly #counters = new Map<number, ShardCounters>();
  #connectionCount = 0;
  #withholdAcks = false;

  constructor(
    private readonly world: World,
    private readonly options: GatewayOptions,
    private readonly signal: Signal,
  ) {}

  /** Takes over an HTTP upgrade on `/gateway`. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(request, socket, head, (ws) => {
      this.#accept(ws, new URL(request.url ?? '/', 'http://127.0.0.1').searchParams);
    });
  }

  /** Stops answering heartbeats (the client then sees a zombie connection and resumes). */
  withholdHeartbeatAcks(on: boolean): void {
    this.#withholdAcks = on;
  }

  /** Per-shard identify/resume counters and current session state, by shard id. */
  shardInfo(): ShardSessionInfo[] {
    return [...this.#counters.entries()]
      .sort(([a], [b]) => a - b)
      .map(([shard, counters]) => {
        const session = this.#currentSession(shard);
        return {
          shard,
          shardCount: session?.shardCount ?? 1,
          ...counters,
          sessionId: session?.id ?? null,
          connected: session?.connected ?? false,
          seq: session?.seq ?? 0,
          dispatches: session?.buffer.length ?? 0,
        };
      });
  }

  /** How many distinct shards have a live session that has sent READY and its GUILD_CREATEs. */
  readyShards(): number {
    const shards = new Set<number>();
    for (const session of this.sessions.values()) {
      if (session.ready && !session.superseded && session.connected) shards.add(session.shardId);
    }
    return shards.size;
  }

  /** The live session whose shard owns the guild, by `(guild_id >> 22) % shard_count`. */
  sessionForGuild(guildId: string): Session | undefined {
    let found: Session | undefined;
    for (const session of this.sessions.values()) {
      if (session.superseded || World.shardOf(guildId, session.shardCount) !== session.shardId) continue;
      found = session; // later sessions win
    }
    return found;
  }

  /**
   * Sends a dispatch to the session owning the guild. If its socket is down, the dispatch is buffered and
   * replayed on RESUME, like Discord. An event gated by an `intent` the session lacks is skipped; pass
   * `null` for events every session gets (INTERACTION_CREATE).
   */
  dispatchToGuild(guildId: string, t: string, d: unknown, intent: number | null): Session | undefined {
    const session = this.sessionForGuild(guildId);
    if (!session || (intent !== null && (session.intents & intent) === 0)) return undefined;
    this.#dispatch(session, t, d);
    return session;
  }

  /** Closes the sockets of one shard (or all) with a close code. Returns how many were closed. */
  closeShards(code: number, shard?: number, reason = 'stand-in fault injection'): number {
    let closed = 0;
    for (const connection of this.#connections) {
      if (shard !== undefined && connection.session?.shardId !== shard) continue;
      if (connection.socket.readyState !== WebSocket.OPEN) continue;
      connection.closedByServer = true;
      connection.socket.close(code, reason);
      closed += 1;
    }
    return closed;
  }

  /** Destroys the TCP sockets of one shard (or all) without a close frame: the client sees 1006. */
  dropShards(shard?: number): number {
    let dropped = 0;
    for (const connection of this.#connections) {
      if (shard !== undefined && connection.session?.shardId !== shard) continue;
      connection.closedByServer = true;
      connection.socket.terminate();
      dropped += 1;
    }
    return dropped;
  }

  /** Terminates every socket and the ws server. */
  async close(): Promise<void> {
    for (const connection of this.#connections) {
      connection.closedByServer = true;
      connection.socket.terminate();
    }
    this.#connections.clear();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }

  #currentSession(shard: number): Session | undefined {
    let found: Session | undefined;
    for (const session of this.sessions.values())
      if (session.shardId === shard && !session.superseded) found = session;
    return found;
  }

  #counter(shard: number): ShardCounters {
    let counters = this.#counters.get(shard);
    if (!counters) {
      counters = { identifies: 0, resumes: 0, invalidSessions: 0 };
      this.#counters.set(shard, counters);
    }
    return counters;
  }

  #accept(socket: WebSocket, query: URLSearchParams): void {
    this.#connectionCount += 1;
    const connection: Connection = {
      number: this.#connectionCount,
      socket,
      session: null,
      closedByServer: false,
    };
    this.#connections.add(connection);
    socket.on('message', (data, isBinary) => {
      this.#onMessage(connection, data, isBinary);
    });
    socket.on('close', (code) => {
      this.#connections.delete(connection);
      const session = connection.session;
      if (session && !connection.closedByServer && SESSION_ENDING_CLOSE_CODES.has(code)) {
        session.superseded = true; // like Discord: a normal close from the client invalidates the session
      }
      this.#record(connection, { direction: 'close', op: null, code });
      this.signal.notify();
    });
    socket.on('error', () => {
      // A dropped socket reports ECONNRESET; the close handler does the bookkeeping.
    });
    const version = query.get('v');
    if (version !== null && version !== '10') {
      this.#closeWith(connection, CloseCode.InvalidApiVersion, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      this.#closeWith(connection, CloseCode.DecodeError, 'Only JSON encoding is supported by the stand-in');
      return;
    }
    this.#send(connection, {
      op: Op.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  #closeWith(connection: Connection, code: number, reason: string): void {
    connection.closedByServer = true;
    connection.socket.close(code, reason);
  }

  #record(connection: Connection, event: Omit<GatewayEvent, 'time' | 'connection' | 'shard'>): void {
    this.events.push({
      time: this.world.now(),
      connection: connection.number,
      shard: connection.session?.shardId ?? null,
      ...event,
    });
  }

  #send(connection: Connection, frame: { op: number; d: unknown; s: number | null; t: string | null }): void {
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    this.#record(connection, { direction: 'out', op: frame.op, t: frame.t, s: frame.s, d: frame.d });
    connection.socket.send(JSON.stringify(frame));
  }

  #dispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const frame: DispatchFrame = { op: 0, t, s: session.seq, d };
    session.buffer.push(frame);
    if (session.buffer.length > REPLAY_BUFFER_MAX) session.buffer.shift();
    if (session.connection && session.connected) this.#send(session.connection, frame);
    this.signal.notify();
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      payload = isBinary ? undefined : JSON.parse(rawToString(data));
    } catch {
      payload = undefined;
    }
    if (
      typeof payload !== 'object' ||
      payload === null ||
      !('op' in payload) ||
      typeof payload.op !== 'number'
    ) {
      this.#record(connection, { direction: 'in', op: null, d: rawToString(data) });
      this.#closeWith(connection, CloseCode.DecodeError, 'Decode error');
      return;
    }
    const frame = payload as { op: number; d?: unknown };
    this.#record(connection, { direction: 'in', op: frame.op, d: frame.d });
    switch (frame.op) {
      case Op.Heartbeat:
        if (!this.#withholdAcks) this.#send(connection, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        this.#identify(connection, frame.d);
        return;
      case Op.Resume:
        this.#resume(connection, frame.d);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!connection.session) this.#closeWith(connection, CloseCode.NotAuthenticated, 'Not authenticated');
        return;
      default:
        this.#closeWith(connection, CloseCode.UnknownOpcode, 'Unknown opcode');
    }
  }

  /** An IDENTIFY's or RESUME's payload; undefined, and the socket closed, when already authenticated. */
  #handshake(connection: Connection, raw: unknown): object | undefined {
    if (connection.session) {
      this.#closeWith(connection, CloseCode.AlreadyAuthenticated, 'Already authenticated');
      return undefined;
    }
    return typeof raw === 'object' && raw !== null ? raw : {};
  }

  #identify(connection: Connection, raw: unknown): void {
    const d = this.#handshake(connection, raw) as
      | {
          token?: unknown;
          intents?: unknown;
          shard?: unknown;
        }
      | undefined;
    if (!d) return;
    if (d.token !== this.options.token) {
      this.#closeWith(connection, CloseCode.AuthenticationFailed, 'Authentication failed');
      return;
    }
    const [shardId, shardCount] = Array.isArray(d.shard) ? (d.shard as unknown[]) : [0, 1];
    if (
      typeof shardId !== 'number' ||
      typeof shardCount !== 'number' ||
      !Number.isInteger(shardId) ||
      !Number.isInteger(shardCount) ||
      shardCount < 1 ||
      shardId < 0 ||
      shardId >= shardCount
    ) {
      this.#closeWith(connection, CloseCode.InvalidShard, 'Invalid shard');
      return;
    }
    for (const old of this.sessions.values()) if (old.shardId === shardId) old.superseded = true;
    const session = new Session(
      randomBytes(16).toString('hex'),
      shardId,
      shardCount,
      typeof d.intents === 'number' ? d.intents : 0,
    );
    this.sessions.set(session.id, session);
    session.connection = connection;
    connection.session = session;
    this.#counter(shardId).identifies += 1;

    const guilds = [...this.world.guilds.values()].filter(
      (guild) => World.shardOf(guild.id, shardCount) === shardId,
    );
    this.#dispatch(session, 'READY', {
      v: 10,
      user: { ...this.world.userJSON(this.world.bot), verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.options.url(),
      shard: [shardId, shardCount],
      application: { id: this.world.applicationId, flags: 0 },
      user_settings: {},
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['["stand-in",{"micros":0}]'],
    });
    if (session.intents & Intent.Guilds) {
      for (const guild of guilds) this.#dispatch(session, 'GUILD_CREATE', this.world.guildCreateJSON(guild));
    }
    session.ready = true;
    this.signal.notify();
  }

  #resume(connection: Connection, raw: unknown): void {
    const d = this.#handshake(connection, raw) as
      | {
          token?: unknown;
          session_id?: unknown;
          seq?: unknown;
        }
      | undefined;
    if (!d) return;
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (!session || session.superseded || d.token !== this.options.token) {
      if (session) this.#counter(session.shardId).invalidSessions += 1;
      this.#send(connection, { op: Op.InvalidSession, d: false, s: null, t: null });
      this.signal.notify();
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection && previous.socket.readyState === WebSocket.OPEN) {
      previous.socket.terminate();
    }
    session.connection = connection;
    connection.session = session;
    this.#counter(session.shardId).resumes += 1;
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    for (const frame of session.buffer) if (frame.s > seq) this.#send(connection, frame);
    this.#dispatch(session, 'RESUMED', { _trace: ['["stand-in",{"micros":0}]'] });
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
