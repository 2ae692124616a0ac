import { successEnvelope } from "@rebound/core";
import { readSigningSecrets, rotateSigningSecret, type SigningSecrets } from "@rebound/db";
import { type Static, Type } from "@sinclair/typebox";
import type { Hono } from "hono";
import type { ResolvedApiOptions } from "../api-options.ts";
import type { AppEnv } from "../app-env.ts";
import { profileNotFound } from "../errors/api-error.ts";
import { PROFILES_PATH } from "./profile-routes.ts";

/** A profile's signing secrets as the API returns them. */
export const SigningSecretViewSchema = Type.Object({
  signing_secret: Type.String({ description: "Current `whsec_` secret" }),
  previous_signing_secret: Type.Optional(
    Type.String({ description: "Secret before the last rotation, while it still signs" }),
  ),
  previous_expires_at: Type.Optional(Type.String({ format: "date-time" })),
});
export type SigningSecretView = Static<typeof SigningSecretViewSchema>;

function secretView(secrets: SigningSecrets): SigningSecretView {
  const view: SigningSecretView = { signing_secret: secrets.signingSecret };
  if (secrets.previousSigningSecret !== null && secrets.previousExpiresAt !== null) {
    view.previous_signing_secret = secrets.previousSigningSecret;
    view.previous_expires_at = secrets.previousExpiresAt.toISOString();
  }
  return view;
}

/** `GET /callback/profiles/:id/secret` and `POST /callback/profiles/:id/secret/rotate`. */
export function registerSecretRoutes(app: Hono<AppEnv>, options: ResolvedApiOptions): void {
  const { db, secretBox } = options;

  app.get(`${PROFILES_PATH}/:id/secret`, async (c) => {
    const id = c.req.param("id");
    const target = { accountId: c.get("auth").accountId, profileId: id, now: options.now() };
    const secrets = await readSigningSecrets(db, secretBox, target);
    if (secrets === null) throw profileNotFound(id);
    return c.json(
      successEnvelope("ok", "Signing secret fetched successfully", secretView(secrets)),
      200,
    );
  });

  app.post(`${PROFILES_PATH}/:id/secret/rotate`, async (c) => {
    const id = c.req.param("id");
    const target = { accountId: c.get("auth").accountId, profileId: id, now: options.now() };
    const secrets = await rotateSigningSecret(db, secretBox, target);
    if (secrets === null) throw profileNotFound(id);
    return c.json(
      successEnvelope("ok", "Signing secret rotated successfully", secretView(secrets)),
      200,
    );
  });
}
