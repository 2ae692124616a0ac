import type { Database } from "@rebound/db";
import type { MiddlewareHandler } from "hono";
import { authenticateApiKey } from "../accounts/index.ts";
import type { AppEnv } from "../app-env.ts";
import { accountNotFound, apiError } from "../errors/api-error.ts";
import { RateLimiter } from "./rate-limiter.ts";

/** Longer values are not keys we issued; refused without a database lookup. */
const MAX_API_KEY_LENGTH = 256;

/** Authenticates the `api-key` header and sets `auth`; missing or unknown keys are 401. */
export function apiKeyAuth(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header("api-key")?.trim() ?? "";
    if (key === "") throw apiError("unauthorized", "headers", "api-key header is required");
    const auth = key.length > MAX_API_KEY_LENGTH ? null : await authenticateApiKey(db, key);
    if (auth === null) throw apiError("unauthorized", "headers", "api-key is not valid");
    c.set("auth", auth);
    await next();
  };
}

/**
 * Limits requests per API key (see `RateLimiter`); `null` = off. Runs after authentication, so
 * only valid keys are counted.
 */
export function rateLimit(perMinute: number | null, now: () => Date): MiddlewareHandler<AppEnv> {
  const limiter = perMinute === null ? null : new RateLimiter(perMinute, now);
  return async (c, next) => {
    const decision = limiter?.take(c.get("auth").keyId) ?? { allowed: true };
    if (!decision.allowed) {
      throw apiError(
        "rateLimited",
        "headers",
        `rate limit of ${perMinute} requests per minute exceeded; retry after ${decision.retryAfterSeconds} s`,
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
    await next();
  };
}

/**
 * A key acts only on its own account: another sid is answered as if it did not exist, so nothing
 * about other accounts leaks.
 */
export function accountScope(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sid = c.req.param("sid") ?? "";
    if (sid !== c.get("auth").sid) throw accountNotFound(sid);
    await next();
  };
}
