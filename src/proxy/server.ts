/**
 * One REST proxy in front of Discord for every process of a bot: @discordjs/proxy over one REST
 * client, so all processes share one view of Discord's rate limits (per route and global), which
 * Discord counts per bot, not per process.
 *
 * How a request passes: a bot process with `DISCORD_API_BASE=http://HOST:PORT/api` sends
 * `/api/v10/…` with its own `Authorization: Bot …` header. @discordjs/proxy strips `/api/v10`,
 * forwards the Authorization header as it came (the proxy holds no token), and its REST client adds
 * `/v10` back in front of the upstream. A 429 is waited out here and retried, so the bot never sees
 * it; the rate-limit headers are not passed back, so the processes keep no limits of their own.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { proxyRequests, version as proxyVersion } from '@discordjs/proxy';
// The ESM build of @discordjs/rest, the one @discordjs/proxy imports: its error classes must be the
// same ones (discord.js re-exports the CommonJS build, whose errors the proxy would not recognise).
import {
  DefaultUserAgentAppendix,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  RESTEvents,
  type InternalRequest,
  type RawFile,
  type ResponseLike,
} from '@discordjs/rest';
import { scrubTokens, type Logger } from '../logger.js';

/** Ends the User-Agent of every request the proxy sends upstream, after discord.js's own. */
export const PROXY_USER_AGENT_MARK = `@discordjs/proxy/${proxyVersion}`;

export interface ProxyOptions {
  /** Discord's REST base without the version, e.g. `https://discord.com/api`. */
  readonly upstream: string;
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  readonly log: Logger;
}

export interface RunningProxy {
  /** What every bot process sets as DISCORD_API_BASE: `http://HOST:PORT/api`. */
  readonly url: string;
  readonly port: number;
  readonly rest: REST;
  /** Stops listening, ends open connections. */
  readonly close: () => Promise<void>;
}

/**
 * The REST client @discordjs/proxy forwards through, with two repairs (both found by the tests):
 * - the body is read whole first: @discordjs/proxy hands over the incoming request as a stream,
 *   which a retry after a 429 would find used up, so Discord got an empty message the second time;
 * - a failure that is not an answer from Discord (Discord unreachable, say) becomes a 502, where
 *   @discordjs/proxy would end the bot's request with an empty 200.
 */
class ForwardingRest extends REST {
  constructor(
    options: ConstructorParameters<typeof REST>[0],
    private readonly log: Logger,
  ) {
    super(options);
  }

  override async queueRequest(request: InternalRequest): Promise<ResponseLike> {
    const body =
      request.body instanceof Readable ? await buffer(request.body).then(emptyAsNone) : request.body;
    try {
      return await super.queueRequest({ ...request, body });
    } catch (err) {
      const known =
        err instanceof DiscordAPIError || err instanceof HTTPError || err instanceof RateLimitError;
      if (known || (err instanceof Error && err.name === 'AbortError')) throw err;
      this.log.error({ err, method: request.method }, 'could not reach Discord');
      const files: RawFile[] = [];
      throw new HTTPError(502, 'Bad Gateway', request.method, scrubTokens(request.fullRoute), { files });
    }
  }
}

function emptyAsNone(bytes: Buffer): Buffer | undefined {
  return bytes.length > 0 ? bytes : undefined;
}

/** The REST client that talks to Discord for every bot process. */
function upstreamRest(upstream: string, log: Logger): REST {
  const rest = new ForwardingRest(
    {
      api: upstream,
      userAgentAppendix: `${DefaultUserAgentAppendix} ${PROXY_USER_AGENT_MARK}`,
      // The bot's own REST client retries a 5xx or a timeout; retrying here as well would multiply them.
      retries: 0,
    },
    log,
  );
  // Method, rate-limit route and status only: never headers (the bot's token) or bodies.
  rest.on(RESTEvents.Response, (request, response) => {
    const entry = { method: request.method, route: scrubTokens(request.route), status: response.status };
    if (response.status === 429) {
      const retryAfter = response.headers.get('retry-after');
      const global = response.headers.has('x-ratelimit-global');
      log.warn({ ...entry, retryAfter, global }, 'Discord answered 429: waiting before retrying');
    } else log.debug(entry, 'forwarded');
  });
  rest.on(RESTEvents.RateLimited, (info) => {
    log.info(
      { route: scrubTokens(info.route), global: info.global, timeToReset: info.timeToReset },
      'holding a request until its rate limit resets',
    );
  });
  return rest;
}

export async function startProxy({ upstream, host, port, log }: ProxyOptions): Promise<RunningProxy> {
  const rest = upstreamRest(upstream, log);
  const forward = proxyRequests(rest);
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    Promise.resolve(forward(request, response)).catch((err: unknown) => {
      // Not a request @discordjs/proxy could handle (it has ended the response already).
      log.error({ err, method: request.method }, 'could not forward a request');
      if (!response.writableEnded) response.destroy();
    });
  });
  const bound = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}/api`,
    port: bound,
    rest,
    close: () =>
      new Promise<void>((resolve) => {
        rest.clearHashSweeper();
        rest.clearHandlerSweeper();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
