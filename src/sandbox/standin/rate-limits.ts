/**
 * The 429s the stand-in has answered, kept in force (opt-in: `StandInOptions.enforceRateLimits`).
 * Discord's rate limits are per bot, however many processes it runs: after a 429, Discord refuses
 * again whatever that 429 covers until its Retry-After has passed, and bans a bot that keeps trying.
 * Here a refused request is answered 429 too, and recorded with `ignoredRateLimit`, so a test can
 * count the requests that came too early.
 *
 * What a 429 covers: a global one, every request except interaction callbacks (Discord exempts
 * those from the global limit, and so does discord.js); any other, the same method and path.
 */
import type { Fault } from './rest.js';

const CALLBACK = /^\/interactions\/[^/]+\/[^/]+\/callback$/;

export class RateLimitKeeper {
  /** Until when (stand-in clock, ms) the global 429 holds. */
  #globalUntil = 0;
  /** `METHOD /path` → until when its 429 holds. */
  readonly #routeUntil = new Map<string, number>();

  /** Notes a 429 just answered to `method path` at `now`. */
  note(fault: Fault, method: string, path: string, now: number): void {
    if (fault.status !== 429) return;
    const until = now + fault.retryAfter * 1000;
    if (fault.global === true) this.#globalUntil = Math.max(this.#globalUntil, until);
    else this.#routeUntil.set(`${method} ${path}`, until);
  }

  /** The 429 to answer a request that comes while a 429 covering it holds, else undefined. */
  refusal(method: string, path: string, now: number): Fault | undefined {
    if (now < this.#globalUntil && !(method === 'POST' && CALLBACK.test(path))) {
      return { status: 429, retryAfter: (this.#globalUntil - now) / 1000, global: true };
    }
    const until = this.#routeUntil.get(`${method} ${path}`) ?? 0;
    if (now < until) return { status: 429, retryAfter: (until - now) / 1000 };
    return undefined;
  }
}
