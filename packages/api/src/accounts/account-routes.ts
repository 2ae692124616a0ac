import { successEnvelope, validateAccountUpdate } from "@rebound/core";
import type { AccountRow } from "@rebound/db";
import type { Context, Hono } from "hono";
import type { ResolvedApiOptions } from "../api-options.ts";
import type { AppEnv } from "../app-env.ts";
import { ApiError, accountNotFound } from "../errors/api-error.ts";
import { readJsonBody } from "../http/json-body.ts";
import { findAccount, updateAccount } from "./account-store.ts";
import { accountView } from "./account-view.ts";

export const ACCOUNT_PATH = "/v1/:sid/account";

function existing(c: Context<AppEnv>, row: AccountRow | null): AccountRow {
  if (row === null) throw accountNotFound(c.get("auth").sid);
  return row;
}

/** `GET /v1/:sid/account` and `PATCH /v1/:sid/account` (the time zone); auth runs before these. */
export function registerAccountRoutes(app: Hono<AppEnv>, options: ResolvedApiOptions): void {
  const { db } = options;

  app.get(ACCOUNT_PATH, async (c) => {
    const row = existing(c, await findAccount(db, c.get("auth").accountId));
    return c.json(successEnvelope("ok", "Account fetched successfully", accountView(row)), 200);
  });

  app.patch(ACCOUNT_PATH, async (c) => {
    const input = await readJsonBody(c.req, options.maxBodyBytes);
    const validation = validateAccountUpdate(input);
    if (!validation.ok) throw new ApiError("invalid", validation.issues);
    const row = existing(c, await updateAccount(db, c.get("auth").accountId, validation.update));
    return c.json(successEnvelope("ok", "Account updated successfully", accountView(row)), 200);
  });
}
