import { createAccount } from "@rebound/api";
import type { CliOutput } from "../cli-output.ts";
import type { ReboundEnv } from "../env.ts";
import { credentialsJson } from "./credentials-json.ts";
import { withDatabase } from "./with-database.ts";

export interface AccountCreateOptions {
  accountName: string;
  timezone: string | undefined;
  json: boolean;
}

/** `rebound account create`: a new account and its first API key (shown once). */
export async function runAccountCreate(
  env: ReboundEnv,
  options: AccountCreateOptions,
  output: CliOutput,
): Promise<number> {
  const { account, apiKey } = await withDatabase(env, ({ db }) =>
    createAccount(db, { name: options.accountName, timezone: options.timezone }),
  );
  if (options.json) {
    output.out(credentialsJson(account.sid, apiKey));
    return 0;
  }
  output.out(`Account "${account.name}" created (timezone ${account.timezone}).`);
  output.out(`SID:     ${account.sid}`);
  output.out(`API key: ${apiKey}`);
  output.out("The key is shown only once: store it now.");
  return 0;
}
