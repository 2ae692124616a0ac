import {
  createValidator,
  isSuccessStatus,
  redactHeaders,
  successEnvelope,
  type Validator,
} from "@rebound/core";
import { activeSigningSecrets, specFromRow } from "@rebound/db";
import type { Context, Hono } from "hono";
import type { ResolvedApiOptions } from "../api-options.ts";
import type { AppEnv } from "../app-env.ts";
import { ApiError, apiError, profileNotFound } from "../errors/api-error.ts";
import { readJsonBody } from "../http/json-body.ts";
import { profileEvent } from "./profile-event.ts";
import { PROFILES_PATH } from "./profile-routes.ts";
import { findProfile } from "./profile-store.ts";
import { sampleEventData } from "./sample-event-data.ts";
import {
  type TestCallbackBody,
  TestCallbackBodySchema,
  type TestCallbackView,
} from "./test-callback-schemas.ts";

let validateBody: Validator<TestCallbackBody> | undefined;

/** The body, or `{}` when the request has none (the test endpoint needs no input). */
async function readTestBody(c: Context<AppEnv>, maxBytes: number): Promise<TestCallbackBody> {
  const empty =
    c.req.header("content-type") === undefined &&
    (c.req.raw.body === null || c.req.header("content-length") === "0");
  const input = empty ? {} : await readJsonBody(c.req, maxBytes);
  validateBody ??= createValidator(TestCallbackBodySchema, "body");
  const result = validateBody(input);
  if (!result.ok) throw new ApiError("invalid", result.issues);
  return result.value;
}

/**
 * `POST /callback/profiles/:id/test`: sends one callback now through the injected sender (the
 * dispatcher's transport, with its SSRF checks and timeouts) and returns what happened. Nothing
 * is recorded as a delivery. Works for disabled profiles too, to debug them.
 */
export function registerTestRoute(app: Hono<AppEnv>, options: ResolvedApiOptions): void {
  app.post(`${PROFILES_PATH}/:id/test`, async (c) => {
    const id = c.req.param("id");
    const body = await readTestBody(c, options.maxBodyBytes);
    const row = await findProfile(options.db, c.get("auth").accountId, id);
    if (row === null) throw profileNotFound(id);
    const sender = options.testSender;
    if (sender === null) {
      throw apiError("unavailable", "body", "test callbacks are not available on this server");
    }
    const spec = specFromRow(row, options.secretBox);
    const event = profileEvent(body.event, spec, `profile ${id}`);
    const data = body.data ?? sampleEventData(spec.dynamic_variables);
    const secrets = activeSigningSecrets(row, options.secretBox, options.now());
    const sent = await sender({ profile: spec, secrets, event, data });
    const view: TestCallbackView = {
      event,
      data,
      request: { ...sent.request, headers: redactHeaders(sent.request.headers) },
      result: sent.result,
      success: sent.result.kind === "response" && isSuccessStatus(sent.result.statusCode),
    };
    return c.json(successEnvelope("ok", "Test callback sent", view), 200);
  });
}
