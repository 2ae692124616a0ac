import { errorEnvelope } from "@rebound/core";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "./api-error.ts";

function send(c: Context, error: ApiError): Response {
  const envelope = errorEnvelope(error.kind, error.issues);
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(envelope, envelope.status as ContentfulStatusCode);
}

/**
 * The one place errors become responses: `ApiError`s by core's code/status table, anything else
 * is logged to stderr and answered with a bare 500 (never a stack trace).
 */
export const onApiError: ErrorHandler = (error, c) => {
  if (error instanceof ApiError) return send(c, error);
  console.error(`rebound api: ${c.req.method} ${c.req.path} failed:`, error);
  return send(c, new ApiError("internal", [{ location: "body", message: "internal error" }]));
};

/** Unknown routes get the envelope too. */
export const onRouteNotFound: NotFoundHandler = (c) =>
  send(
    c,
    new ApiError("notFound", [
      { location: "params", message: `route ${c.req.method} ${c.req.path} not found` },
    ]),
  );
