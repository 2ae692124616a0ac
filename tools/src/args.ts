import { parseArgs } from "node:util";
import { REPORT_FREQUENCIES, type ReportFrequency } from "@rebound/db";
import { UsageError } from "./cli-error.ts";
import { parsePort } from "./env.ts";

/** Which parts of Rebound a `start` process runs; `all` is every one of them. */
export const START_ROLES = ["api", "dispatcher", "reports", "all"] as const;
export type StartRole = (typeof START_ROLES)[number];

function isStartRole(role: string): role is StartRole {
  return (START_ROLES as readonly string[]).includes(role);
}

export type Command =
  | { name: "help" }
  | { name: "start"; role: StartRole; port: number | null }
  | { name: "migrate" }
  | { name: "account-create"; accountName: string; timezone: string | undefined; json: boolean }
  | { name: "key-create"; sid: string; keyName: string | undefined; json: boolean }
  | { name: "key-revoke"; keyOrPrefix: string }
  | { name: "report-send"; sid: string; frequency: ReportFrequency; at: Date | null };

type OptionSpec = Record<string, { type: "string" | "boolean" }>;

/** node:util's strict parser; its errors ("Unknown option '--x'") become usage errors. */
function parse<T extends OptionSpec>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (cause) {
    throw new UsageError(`${command}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

function noPositionals(command: string, positionals: readonly string[]): void {
  if (positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument '${positionals[0]}'`);
  }
}

function required(command: string, flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === "") {
    throw new UsageError(`${command}: --${flag} is required`);
  }
  return value;
}

function parseStart(args: readonly string[]): Command {
  const { values, positionals } = parse("start", args, {
    role: { type: "string" },
    port: { type: "string" },
  });
  noPositionals("start", positionals);
  const role = values.role ?? "all";
  if (!isStartRole(role)) {
    throw new UsageError(`start: --role must be api, dispatcher, reports or all, not '${role}'`);
  }
  if (values.port === undefined) return { name: "start", role, port: null };
  const port = parsePort(values.port);
  if (port === null) throw new UsageError("start: --port must be an integer from 0 to 65535");
  return { name: "start", role, port };
}

function parseAccount(args: readonly string[]): Command {
  const [action, ...rest] = args;
  if (action !== "create") throw new UsageError(`account: unknown action '${action ?? ""}'`);
  const { values, positionals } = parse("account create", rest, {
    name: { type: "string" },
    timezone: { type: "string" },
    json: { type: "boolean" },
  });
  noPositionals("account create", positionals);
  return {
    name: "account-create",
    accountName: required("account create", "name", values.name),
    timezone: values.timezone,
    json: values.json ?? false,
  };
}

function parseKey(args: readonly string[]): Command {
  const [action, ...rest] = args;
  if (action === "create") {
    const { values, positionals } = parse("key create", rest, {
      sid: { type: "string" },
      name: { type: "string" },
      json: { type: "boolean" },
    });
    noPositionals("key create", positionals);
    const sid = required("key create", "sid", values.sid);
    return { name: "key-create", sid, keyName: values.name, json: values.json ?? false };
  }
  if (action === "revoke") {
    const { positionals } = parse("key revoke", rest, {});
    const [keyOrPrefix, extra] = positionals;
    if (keyOrPrefix === undefined) throw new UsageError("key revoke: give the key or its prefix");
    noPositionals("key revoke", extra === undefined ? [] : [extra]);
    return { name: "key-revoke", keyOrPrefix };
  }
  throw new UsageError(`key: unknown action '${action ?? ""}'`);
}

function isFrequency(text: string): text is ReportFrequency {
  return (REPORT_FREQUENCIES as readonly string[]).includes(text);
}

// An instant with its offset, so `--now` means the same moment on every machine.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** `2026-03-25T12:00:00+05:30` → that instant; null for anything else, e.g. February 30. */
export function parseIsoInstant(text: string): Date | null {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? "0")) as [number, number, number, number, number, number];
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls February 30 into March and minute 61 into the next hour: such a time does
  // not exist, so every part must come back unchanged.
  const unchanged =
    local.getUTCFullYear() === year &&
    local.getUTCMonth() + 1 === month &&
    local.getUTCDate() === day &&
    local.getUTCHours() === hour &&
    local.getUTCMinutes() === minute &&
    local.getUTCSeconds() === second;
  if (!unchanged) return null;
  const zone = match[8] ?? "Z";
  const sign = zone.startsWith("-") ? -1 : 1;
  const offsetMinutes =
    zone === "Z" ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const milliseconds = Number((match[7] ?? "").padEnd(3, "0"));
  return new Date(local.getTime() + milliseconds - offsetMinutes * 60_000);
}

function parseReport(args: readonly string[]): Command {
  const [action, ...rest] = args;
  if (action !== "send") throw new UsageError(`report: unknown action '${action ?? ""}'`);
  const { values, positionals } = parse("report send", rest, {
    sid: { type: "string" },
    frequency: { type: "string" },
    now: { type: "string" },
  });
  noPositionals("report send", positionals);
  const sid = required("report send", "sid", values.sid);
  const frequency = required("report send", "frequency", values.frequency);
  if (!isFrequency(frequency)) {
    throw new UsageError(
      `report send: --frequency must be ${REPORT_FREQUENCIES.join(", ")}, not '${frequency}'`,
    );
  }
  if (values.now === undefined) return { name: "report-send", sid, frequency, at: null };
  const at = parseIsoInstant(values.now);
  if (at === null) {
    throw new UsageError(
      `report send: --now must be an ISO 8601 instant with a zone, e.g. 2026-03-25T12:00:00Z, not '${values.now}'`,
    );
  }
  return { name: "report-send", sid, frequency, at };
}

/** Turns the command line (without `bun rebound.ts`) into a command; throws on misuse. */
export function parseCommand(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return { name: "help" };
    case "start":
      return parseStart(rest);
    case "migrate": {
      const { positionals } = parse("migrate", rest, {});
      noPositionals("migrate", positionals);
      return { name: "migrate" };
    }
    case "account":
      return parseAccount(rest);
    case "key":
      return parseKey(rest);
    case "report":
      return parseReport(rest);
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}
