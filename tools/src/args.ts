import { parseArgs } from "node:util";
import { CliError, UsageError } from "./cli-error.ts";
import { parsePort } from "./env.ts";

/** Which parts of Rebound a `start` process runs (`reports` comes with its issue). */
export const START_ROLES = ["api", "dispatcher", "all"] as const;
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
  | { name: "key-revoke"; keyOrPrefix: string };

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
  if (role === "reports") {
    throw new CliError(
      "start: role 'reports' is not built yet (use --role api, dispatcher or all)",
      2,
    );
  }
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
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}
