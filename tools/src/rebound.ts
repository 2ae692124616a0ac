#!/usr/bin/env bun
import { AccountError } from "@rebound/api";
import { type Command, parseCommand } from "./args.ts";
import { CliError, UsageError } from "./cli-error.ts";
import { type CliOutput, consoleOutput } from "./cli-output.ts";
import { runAccountCreate } from "./commands/account-create.ts";
import { runKeyCreate } from "./commands/key-create.ts";
import { runKeyRevoke } from "./commands/key-revoke.ts";
import { runMigrate } from "./commands/migrate.ts";
import { runStart } from "./commands/start.ts";
import { EnvError, parseEnv, type ReboundEnv } from "./env.ts";
import { USAGE } from "./usage.ts";

type EnvCommand = Exclude<Command, { name: "help" }>;

function dispatch(command: EnvCommand, env: ReboundEnv, output: CliOutput): Promise<number> {
  switch (command.name) {
    case "start":
      return runStart(env, command, output);
    case "migrate":
      return runMigrate(env, output);
    case "account-create":
      return runAccountCreate(env, command, output);
    case "key-create":
      return runKeyCreate(env, command, output);
    case "key-revoke":
      return runKeyRevoke(env, command.keyOrPrefix, output);
    case "report-send": {
      // Loaded on demand: the email templates are heavy, and only this command and the reports
      // role need them.
      return import("./commands/report-send.ts").then(({ runReportSend }) =>
        runReportSend(env, command, output),
      );
    }
    default: {
      const unknown: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unknown)}`);
    }
  }
}

/** Maps every failure to one clear stderr line (plus usage on misuse) and an exit code. */
function report(error: unknown, output: CliOutput): number {
  if (error instanceof UsageError) {
    output.err(`rebound: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (error instanceof EnvError) {
    for (const issue of error.issues) output.err(`rebound: ${issue}`);
    return 2;
  }
  if (error instanceof CliError) {
    output.err(`rebound: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof AccountError) {
    output.err(`rebound: ${error.message}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.err(`rebound: unexpected error: ${message.split("\n")[0]}`);
  return 1;
}

async function main(argv: readonly string[], output: CliOutput): Promise<number> {
  try {
    const command = parseCommand(argv);
    // Help needs no configuration, so a bad environment cannot hide the usage text.
    if (command.name === "help") {
      output.out(USAGE);
      return 0;
    }
    return await dispatch(command, parseEnv(process.env), output);
  } catch (error) {
    return report(error, output);
  }
}

process.exit(await main(process.argv.slice(2), consoleOutput));
