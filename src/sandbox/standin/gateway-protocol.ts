/**
 * The gateway's protocol: Discord's opcodes, intents and close codes, and the sessions and
 * connections the stand-in keeps per shard.
 */
import { WebSocket } from 'ws';

/** Gateway opcodes (Discord's numbers). */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** Gateway intents the stand-in looks at. */
export const Intent = { Guilds: 1 << 0, GuildMessages: 1 << 9 } as const;

/** Close codes the stand-in sends. */
export const CloseCode = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidShard: 4010,
  InvalidApiVersion: 4012,
} as const;

/** Dispatches kept per session for RESUME; older ones are dropped. */
export const REPLAY_BUFFER_MAX = 10_000;

/** One frame sent or received, for debugging and assertions. */
export interface GatewayEvent {
  readonly time: number;
  readonly direction: 'in' | 'out' | 'close';
  /** Connection number (1, 2, ... in order of connection). */
  readonly connection: number;
  readonly shard: number | null;
  readonly op: number | null;
  readonly t?: string | null;
  readonly s?: number | null;
  readonly d?: unknown;
  /** For `close` entries: the close code (1006 for an abrupt drop). */
  readonly code?: number;
}

/** A dispatch frame. */
export interface DispatchFrame {
  readonly op: 0;
  readonly t: string;
  readonly s: number;
  readonly d: unknown;
}

/** A gateway session (survives disconnects until superseded by a new IDENTIFY on its shard). */
export class Session {
  seq = 0;
  readonly buffer: DispatchFrame[] = [];
  connection: Connection | null = null;
  superseded = false;
  ready = false;

  constructor(
    readonly id: string,
    readonly shardId: number,
    readonly shardCount: number,
    readonly intents: number,
  ) {}

  get connected(): boolean {
    return this.connection?.socket.readyState === WebSocket.OPEN;
  }
}

export interface Connection {
  readonly number: number;
  readonly socket: WebSocket;
  session: Session | null;
  /** Set when the stand-in itself closed or dropped the socket. */
  closedByServer: boolean;
}

/** Close codes with which a client ends its session for good (it will IDENTIFY again, not RESUME). */
export const SESSION_ENDING_CLOSE_CODES: ReadonlySet<number> = new Set([1000, 1001]);

/** Per-shard counters, as returned by {@link Gateway.shardInfo}. */
export interface ShardSessionInfo {
  readonly shard: number;
  readonly shardCount: number;
  /** IDENTIFYs received for this shard. */
  readonly identifies: number;
  /** Successful RESUMEs for this shard. */
  readonly resumes: number;
  /** RESUMEs refused with INVALID_SESSION. */
  readonly invalidSessions: number;
  /** The current session (the latest IDENTIFY). */
  readonly sessionId: string | null;
  readonly connected: boolean;
  /** Sequence number of the last dispatch of the current session. */
  readonly seq: number;
  /** Dispatches sent by the current session, including replays. */
  readonly dispatches: number;
}

export interface ShardCounters {
  identifies: number;
  resumes: number;
  invalidSessions: number;
}

export interface GatewayOptions {
  readonly heartbeatIntervalMs: number;
  /** The token IDENTIFY and RESUME must carry. */
  readonly token: string;
  /** The ws URL handed out in READY as `resume_gateway_url`. */
  readonly url: () => string;
}
