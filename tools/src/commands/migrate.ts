import type { CliOutput } from "../cli-output.ts";
import type { ReboundEnv } from "../env.ts";
import { describeDatabase } from "../open-database.ts";
import { withDatabase } from "./with-database.ts";

/** `rebound migrate`: applies pending migrations (opening the database does) and exits. */
export async function runMigrate(env: ReboundEnv, output: CliOutput): Promise<number> {
  await withDatabase(env, async () => {});
  output.out(`Migrations applied to ${describeDatabase(env)}.`);
  return 0;
}
