import { createApiKey } from "@rebound/api";
import type { CliOutput } from "../cli-output.ts";
import type { ReboundEnv } from "../env.ts";
import { credentialsJson } from "./credentials-json.ts";
import { withDatabase } from "./with-database.ts";

export interface KeyCreateOptions {
  sid: string;
  keyName: string | undefined;
  json: boolean;
}

/** `rebound key create`: adds an API key to an existing account. */
export async function runKeyCreate(
  env: ReboundEnv,
  options: KeyCreateOptions,
  output: CliOutput,
): Promise<number> {
  const { apiKey, prefix } = await withDatabase(env, ({ db }) =>
    createApiKey(db, options.sid, options.keyName),
  );
  if (options.json) {
    output.out(credentialsJson(options.sid, apiKey));
    return 0;
  }
  output.out(`API key for ${options.sid}: ${apiKey}`);
  output.out(`Shown only once: store it now. Revoke it with \`rebound key revoke ${prefix}\`.`);
  return 0;
}
