import { revokeApiKey } from "@rebound/api";
import { CliError } from "../cli-error.ts";
import type { CliOutput } from "../cli-output.ts";
import type { ReboundEnv } from "../env.ts";
import { withDatabase } from "./with-database.ts";

/** `rebound key revoke <key-or-prefix>`: fails when no active key matches. */
export async function runKeyRevoke(
  env: ReboundEnv,
  keyOrPrefix: string,
  output: CliOutput,
): Promise<number> {
  const count = await withDatabase(env, ({ db }) => revokeApiKey(db, keyOrPrefix));
  if (count === 0) throw new CliError(`no active API key matches '${keyOrPrefix}'`);
  output.out(`Revoked ${count} API key${count === 1 ? "" : "s"}.`);
  return 0;
}
