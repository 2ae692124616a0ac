import { join, resolve } from "node:path";
import {
  type Cidr,
  DEFAULT_AUTO_DISABLE_MIN_DURATION_MS,
  DEFAULT_AUTO_DISABLE_MIN_FAILURES,
  isEmailAddress,
  parseCidrList,
} from "@rebound/core";
import { parseMasterKey } from "@rebound/db";

/** Where Rebound keeps its data: PostgreSQL, or PGlite files under the data directory. */
export type DatabaseTarget = { driver: "postgres"; url: string } | { driver: "pglite" };

/** The process configuration, parsed once from the environment by the CLI entry. */
export interface ReboundEnv {
  database: DatabaseTarget;
  /** Absolute path; holds `pglite/` and `master.key` in embedded mode. */
  dataDir: string;
  /** Null in embedded mode when unset: then `<dataDir>/master.key` is used (or generated). */
  masterKey: Uint8Array | null;
  port: number;
  host: string;
  profileIdPrefix: string;
  /** Null = no rate limit. */
  rateLimitPerMinute: number | null;
  dispatcher: DispatcherEnv;
  mail: MailEnv;
}

/** Email settings of the reports role (and `rebound report send`). */
export interface MailEnv {
  /** Resend when set (then `from` was given explicitly). */
  resendApiKey?: string;
  resendBaseUrl?: string;
  /** Else SMTP when set (`smtp://` or `smtps://`). */
  smtpUrl?: string;
  /** Else `.eml`/`.html` files in this folder (absolute path). */
  outboxDir: string;
  /** The sender, `Name <address>` or a bare address. */
  from: string;
}

/** Delivery settings of the dispatcher role. */
export interface DispatcherEnv {
  /** Private/loopback ranges callbacks may target (tests, internal deployments). */
  allowPrivateTargets: Cidr[];
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  concurrency: number;
  profileConcurrency: number;
  /** How long a claimed callback is reserved before another dispatcher may take it over. */
  leaseMs: number;
  /** A profile is auto-disabled after this many final failures in a row over this long. */
  autoDisable: { minFailures: number; minDurationMs: number };
}

export class EnvError extends Error {
  override name = "EnvError";
  constructor(readonly issues: readonly string[]) {
    super(issues.join("\n"));
  }
}

/** `.localhost` is reserved (RFC 6761): fine for the outbox, refused by real providers. */
export const DEFAULT_MAIL_FROM = "Rebound <reports@rebound.localhost>";

interface EnvVariable {
  name: string;
  default: string | null;
  description: string;
}

/** Every variable Rebound reads, in the order the README documents them. */
export const ENV_VARIABLES: readonly EnvVariable[] = [
  { name: "DATABASE_URL", default: null, description: "postgres:// URL; unset = embedded PGlite" },
  { name: "REBOUND_DATA_DIR", default: "./.rebound", description: "embedded data directory" },
  {
    name: "REBOUND_MASTER_KEY",
    default: null,
    description: "32 bytes, base64 or hex; required with DATABASE_URL",
  },
  { name: "PORT", default: "3000", description: "API port (0 = any free port)" },
  { name: "HOST", default: "127.0.0.1", description: "API listen address" },
  { name: "REBOUND_PROFILE_ID_PREFIX", default: "rb", description: "profile id prefix" },
  {
    name: "REBOUND_RATE_LIMIT_PER_MINUTE",
    default: "600",
    description: "requests per minute per API key (0 = off)",
  },
  {
    name: "REBOUND_ALLOW_PRIVATE_TARGETS",
    default: "",
    description: "CIDRs callbacks may target although private/loopback, e.g. 127.0.0.0/8",
  },
  { name: "REBOUND_CONNECT_TIMEOUT_MS", default: "5000", description: "callback connect timeout" },
  { name: "REBOUND_REQUEST_TIMEOUT_MS", default: "15000", description: "callback total timeout" },
  { name: "REBOUND_CONCURRENCY", default: "64", description: "callbacks in flight per dispatcher" },
  {
    name: "REBOUND_PROFILE_CONCURRENCY",
    default: "8",
    description: "callbacks in flight per profile per dispatcher",
  },
  {
    name: "REBOUND_LEASE_MS",
    default: "60000",
    description: "claim lease; a crashed dispatcher's callbacks are retried after it",
  },
  {
    name: "REBOUND_AUTO_DISABLE_MIN_FAILURES",
    default: String(DEFAULT_AUTO_DISABLE_MIN_FAILURES),
    description: "final failures in a row before a profile is auto-disabled",
  },
  {
    name: "REBOUND_AUTO_DISABLE_MIN_DURATION_MS",
    default: String(DEFAULT_AUTO_DISABLE_MIN_DURATION_MS),
    description: "how long those failures must have lasted (0 = count only)",
  },
  { name: "RESEND_API_KEY", default: null, description: "send report emails through Resend" },
  {
    name: "RESEND_BASE_URL",
    default: "https://api.resend.com",
    description: "Resend API base URL (with RESEND_API_KEY)",
  },
  {
    name: "SMTP_URL",
    default: null,
    description:
      "send report emails over SMTP: smtp://user:pass@host:587[?require_tls=true] or smtps://…:465",
  },
  {
    name: "REBOUND_OUTBOX_DIR",
    default: "<REBOUND_DATA_DIR>/outbox",
    description: "folder for .eml/.html report emails when neither Resend nor SMTP is set",
  },
  {
    name: "REBOUND_MAIL_FROM",
    default: DEFAULT_MAIL_FROM,
    description: "sender of report emails, Name <address>; required with RESEND_API_KEY",
  },
];

export const MASTER_KEY_HINT = "32 bytes as base64 or hex, e.g. from `openssl rand -base64 32`";

/** Parses a port number (0–65535); null when invalid. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65_535 ? port : null;
}

type Source = Readonly<Record<string, string | undefined>>;

/** An empty variable counts as unset, as shells and `.env` files commonly mean it. */
function read(source: Source, name: string): string | undefined {
  const value = source[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function withDefault(source: Source, name: string): string {
  const fallback = ENV_VARIABLES.find((variable) => variable.name === name)?.default ?? "";
  return read(source, name) ?? fallback;
}

/**
 * Reads and checks every variable at once; throws an `EnvError` listing each bad variable by
 * name. Only the CLI entry calls this, with `process.env`.
 */
export function parseEnv(source: Source): ReboundEnv {
  const issues: string[] = [];

  const url = read(source, "DATABASE_URL");
  let database: DatabaseTarget = { driver: "pglite" };
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\/./.test(url) || !URL.canParse(url)) {
      issues.push("DATABASE_URL must be a postgres:// or postgresql:// URL");
    } else {
      database = { driver: "postgres", url };
    }
  }

  const keyText = read(source, "REBOUND_MASTER_KEY");
  let masterKey: Uint8Array | null = null;
  if (keyText !== undefined) {
    masterKey = parseMasterKey(keyText);
    if (masterKey === null) issues.push(`REBOUND_MASTER_KEY must be ${MASTER_KEY_HINT}`);
  } else if (url !== undefined) {
    issues.push(`REBOUND_MASTER_KEY is required when DATABASE_URL is set (${MASTER_KEY_HINT})`);
  }

  const port = parsePort(withDefault(source, "PORT"));
  if (port === null) issues.push("PORT must be an integer from 0 to 65535");

  const host = withDefault(source, "HOST");
  if (/[\s/]/.test(host)) issues.push("HOST must be a host name or IP address");

  const profileIdPrefix = withDefault(source, "REBOUND_PROFILE_ID_PREFIX");
  if (!/^[A-Za-z0-9-]{1,16}$/.test(profileIdPrefix)) {
    issues.push("REBOUND_PROFILE_ID_PREFIX must be 1 to 16 letters, digits or hyphens");
  }

  const rateText = withDefault(source, "REBOUND_RATE_LIMIT_PER_MINUTE");
  const rate = /^\d{1,9}$/.test(rateText) ? Number(rateText) : null;
  if (rate === null) issues.push("REBOUND_RATE_LIMIT_PER_MINUTE must be an integer ≥ 0 (0 = off)");

  const allow = parseCidrList(withDefault(source, "REBOUND_ALLOW_PRIVATE_TARGETS"));
  if (!allow.ok) issues.push(`REBOUND_ALLOW_PRIVATE_TARGETS: ${allow.error}`);
  const integer = (name: string, min: number, max: number): number => {
    const text = withDefault(source, name);
    const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max)) {
      issues.push(`${name} must be an integer from ${min} to ${max}`);
    }
    return value;
  };
  const positive = (name: string, max: number): number => integer(name, 1, max);
  const dispatcher: DispatcherEnv = {
    allowPrivateTargets: allow.ok ? allow.cidrs : [],
    connectTimeoutMs: positive("REBOUND_CONNECT_TIMEOUT_MS", 120_000),
    requestTimeoutMs: positive("REBOUND_REQUEST_TIMEOUT_MS", 600_000),
    concurrency: positive("REBOUND_CONCURRENCY", 10_000),
    profileConcurrency: positive("REBOUND_PROFILE_CONCURRENCY", 10_000),
    leaseMs: positive("REBOUND_LEASE_MS", 3_600_000),
    autoDisable: {
      minFailures: positive("REBOUND_AUTO_DISABLE_MIN_FAILURES", 1_000_000),
      // Up to 30 days; 0 = judged by the failure count alone.
      minDurationMs: integer("REBOUND_AUTO_DISABLE_MIN_DURATION_MS", 0, 2_592_000_000),
    },
  };

  const dataDir = resolve(withDefault(source, "REBOUND_DATA_DIR"));
  const mail = parseMail(source, dataDir, issues);

  if (issues.length > 0 || port === null || rate === null) throw new EnvError(issues);
  return {
    database,
    dataDir,
    masterKey,
    port,
    host,
    profileIdPrefix,
    rateLimitPerMinute: rate === 0 ? null : rate,
    dispatcher,
    mail,
  };
}

// `Name <address>` or a bare address; the name without characters that end or break a header.
const NAMED_ADDRESS = /^([^<>",;\r\n\0]*?)\s*<([^<>\s]+)>$/;

/** True for `reports@example.com` or `Rebound Reports <reports@example.com>`. */
export function isMailFrom(text: string): boolean {
  const named = NAMED_ADDRESS.exec(text);
  return isEmailAddress(named?.[2] ?? text);
}

function parseMail(source: Source, dataDir: string, issues: string[]): MailEnv {
  const resendApiKey = read(source, "RESEND_API_KEY");
  const resendBaseUrl = read(source, "RESEND_BASE_URL");
  const smtpUrl = read(source, "SMTP_URL");
  const from = read(source, "REBOUND_MAIL_FROM");
  if (resendApiKey !== undefined && /\s/.test(resendApiKey)) {
    issues.push("RESEND_API_KEY must not contain spaces");
  }
  if (resendApiKey !== undefined && smtpUrl !== undefined) {
    issues.push("set either RESEND_API_KEY or SMTP_URL, not both");
  }
  if (resendBaseUrl !== undefined) {
    if (resendApiKey === undefined) issues.push("RESEND_BASE_URL is set without RESEND_API_KEY");
    else if (!/^https?:\/\/./.test(resendBaseUrl) || !URL.canParse(resendBaseUrl)) {
      issues.push("RESEND_BASE_URL must be an http:// or https:// URL");
    }
  }
  if (smtpUrl !== undefined && (!/^smtps?:\/\/./.test(smtpUrl) || !URL.canParse(smtpUrl))) {
    issues.push("SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587");
  }
  if (from !== undefined && !isMailFrom(from)) {
    issues.push("REBOUND_MAIL_FROM must be an email address or Name <address>");
  }
  if (resendApiKey !== undefined && from === undefined) {
    issues.push(
      "REBOUND_MAIL_FROM is required with RESEND_API_KEY (an address on a domain verified at Resend)",
    );
  }
  const outbox = read(source, "REBOUND_OUTBOX_DIR");
  return {
    ...(resendApiKey === undefined ? {} : { resendApiKey }),
    ...(resendBaseUrl === undefined ? {} : { resendBaseUrl }),
    ...(smtpUrl === undefined ? {} : { smtpUrl }),
    outboxDir: outbox === undefined ? join(dataDir, "outbox") : resolve(outbox),
    from: from ?? DEFAULT_MAIL_FROM,
  };
}
