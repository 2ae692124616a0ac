import { randomUUID } from "node:crypto";
import {
  generateSigningSecret,
  successEnvelope,
  validateProfileCreate,
  validateProfileUpdate,
} from "@rebound/core";
import type { CallbackProfileRow } from "@rebound/db";
import { specFromRow } from "@rebound/db";
import type { Context, Hono } from "hono";
import type { ResolvedApiOptions } from "../api-options.ts";
import type { AppEnv } from "../app-env.ts";
import { ApiError, apiError, profileNotFound } from "../errors/api-error.ts";
import { readJsonBody } from "../http/json-body.ts";
import { restoreEchoedSecrets } from "./echoed-secrets.ts";
import { parseListQuery } from "./list-query.ts";
import {
  deleteProfile,
  findProfile,
  insertProfile,
  listProfiles,
  type SaveProfileResult,
  updateProfile,
} from "./profile-store.ts";
import { type ProfileView, profileView } from "./profile-view.ts";

export const PROFILES_PATH = "/v1/:sid/callback/profiles";

function savedRow(result: SaveProfileResult, title: string, id: string): CallbackProfileRow {
  switch (result.outcome) {
    case "saved":
      return result.row;
    case "duplicate-title":
      throw apiError(
        "conflict",
        "body",
        `body/title a profile titled '${title}' already exists in this account`,
      );
    case "not-found":
      throw profileNotFound(id);
    default: {
      const unknown: never = result;
      throw new Error(`unknown save outcome ${JSON.stringify(unknown)}`);
    }
  }
}

/** `POST/GET/PATCH/DELETE /v1/:sid/callback/profiles[/:id]`; auth runs before these. */
export function registerProfileRoutes(app: Hono<AppEnv>, options: ResolvedApiOptions): void {
  const { db, secretBox } = options;
  const viewOf = (row: CallbackProfileRow): ProfileView =>
    profileView(row, specFromRow(row, secretBox));
  const existing = async (c: Context<AppEnv>, id: string): Promise<CallbackProfileRow> => {
    const row = await findProfile(db, c.get("auth").accountId, id);
    if (row === null) throw profileNotFound(id);
    return row;
  };

  app.post(PROFILES_PATH, async (c) => {
    const input = await readJsonBody(c.req, options.maxBodyBytes);
    const validation = validateProfileCreate(input);
    if (!validation.ok) throw new ApiError("invalid", validation.issues);
    const signingSecret = generateSigningSecret();
    const profileId = `${options.profileIdPrefix}_${randomUUID()}`;
    const result = await insertProfile(options, {
      accountId: c.get("auth").accountId,
      profileId,
      spec: validation.profile,
      signingSecret,
    });
    const row = savedRow(result, validation.profile.title, profileId);
    const data = {
      ...profileView(row, validation.profile),
      signing_secret: signingSecret,
      warnings: validation.warnings,
    };
    return c.json(successEnvelope("created", "Profile created successfully", data), 201);
  });

  app.get(PROFILES_PATH, async (c) => {
    const parsed = parseListQuery(c.req.queries());
    if (!parsed.ok) throw new ApiError("invalid", parsed.issues);
    const { filters } = parsed;
    const { rows, total } = await listProfiles(db, c.get("auth").accountId, filters);
    const data = {
      profiles: rows.map(viewOf),
      total,
      limit: filters.limit,
      offset: filters.offset,
    };
    return c.json(successEnvelope("ok", "Profiles fetched successfully", data), 200);
  });

  app.get(`${PROFILES_PATH}/:id`, async (c) => {
    const row = await existing(c, c.req.param("id"));
    return c.json(successEnvelope("ok", "Profile fetched successfully", viewOf(row)), 200);
  });

  app.patch(`${PROFILES_PATH}/:id`, async (c) => {
    const id = c.req.param("id");
    const patch = await readJsonBody(c.req, options.maxBodyBytes);
    const row = await existing(c, id);
    const stored = specFromRow(row, secretBox);
    const validation = validateProfileUpdate(stored, restoreEchoedSecrets(patch, stored.enc));
    if (!validation.ok) throw new ApiError("invalid", validation.issues);
    const result = await updateProfile(options, row, validation.profile);
    const updated = savedRow(result, validation.profile.title, id);
    const data = { ...profileView(updated, validation.profile), warnings: validation.warnings };
    return c.json(successEnvelope("ok", "Profile updated successfully", data), 200);
  });

  app.delete(`${PROFILES_PATH}/:id`, async (c) => {
    const id = c.req.param("id");
    const deleted = await deleteProfile(options, c.get("auth").accountId, id);
    if (!deleted) throw profileNotFound(id);
    return c.json(successEnvelope("ok", "Profile deleted successfully", { profileId: id }), 200);
  });
}
