import type { Database, SecretBox } from "@rebound/db";
import type { TestSender } from "./profiles/test-sender.ts";

/** Everything the HTTP API needs; the caller (the CLI) owns the database and the master key. */
export interface ApiOptions {
  db: Database;
  /** Seals profile encryption settings and signing secrets at rest. */
  secretBox: SecretBox;
  /** Public profile ids are `${profileIdPrefix}_${uuid}`, e.g. `IN_…`, `stage_…`. */
  profileIdPrefix: string;
  /** Requests per minute per API key; `null` turns rate limiting off. */
  rateLimitPerMinute: number | null;
  /** Largest accepted request body; default 262144 (256 KB). */
  maxBodyBytes?: number;
  /** Injectable clock (tests). */
  now?: () => Date;
  /**
   * Sends `POST /callback/profiles/:id/test` callbacks; without it that endpoint answers 503.
   * The dispatcher provides one (`sendTestCallback` bound to its transport).
   */
  testSender?: TestSender;
}

export const DEFAULT_MAX_BODY_BYTES = 262_144;

/** The options with defaults applied, as the routes use them. */
export interface ResolvedApiOptions {
  db: Database;
  secretBox: SecretBox;
  profileIdPrefix: string;
  rateLimitPerMinute: number | null;
  maxBodyBytes: number;
  now: () => Date;
  testSender: TestSender | null;
}

export function resolveApiOptions(options: ApiOptions): ResolvedApiOptions {
  return {
    db: options.db,
    secretBox: options.secretBox,
    profileIdPrefix: options.profileIdPrefix,
    rateLimitPerMinute: options.rateLimitPerMinute,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    now: options.now ?? (() => new Date()),
    testSender: options.testSender ?? null,
  };
}
