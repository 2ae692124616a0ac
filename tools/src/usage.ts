import { ENV_VARIABLES } from "./env.ts";

const environment = ENV_VARIABLES.map(
  (variable) =>
    `  ${variable.name.padEnd(30)} ${variable.description}${variable.default === null ? "" : ` (default ${variable.default})`}`,
).join("\n");

export const USAGE = `usage: rebound <command> [options]

commands:
  start [--role api|dispatcher|reports|all] [--port N]
                                        run Rebound (embedded PGlite unless DATABASE_URL is set);
                                        all = API, dispatcher and reports in one process (default)
  migrate                               apply database migrations and exit
  account create --name N [--timezone TZ] [--json]
                                        create an account; prints its SID and first API key
  key create --sid S [--name N] [--json]
                                        add an API key to an account
  key revoke <key-or-prefix>            revoke an API key
  report send --sid S --frequency daily|weekly|monthly [--now ISO]
                                        send the report of the latest scheduled send at or
                                        before --now (default: now), unless it went out already
  help                                  show this text

In embedded mode the data directory is used by one process at a time: stop
\`rebound start\` before running account, key or report commands.

environment (read once at start):
${environment}`;
