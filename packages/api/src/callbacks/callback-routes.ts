import { successEnvelope } from "@rebound/core";
import {
  type CallbackRecord,
  enqueueCallbacks,
  getCallback,
  listCallbacks,
  type RetryCallbackResult,
  retryCallback,
} from "@rebound/db";
import type { Hono } from "hono";
import type { ResolvedApiOptions } from "../api-options.ts";
import type { AppEnv } from "../app-env.ts";
import { ApiError, apiError } from "../errors/api-error.ts";
import { readJsonBody } from "../http/json-body.ts";
import { parseCallbackListQuery } from "./callback-list-query.ts";
import {
  type AcceptedCallbackView,
  acceptedView,
  callbackDetailView,
  callbackListItemView,
  callbackView,
} from "./callback-view.ts";
import { enqueueError } from "./enqueue-error.ts";
import { parseTriggerBody } from "./trigger-body.ts";
import { waitForOutcome } from "./wait-for-outcome.ts";
import { parseTriggerQuery } from "./wait-query.ts";

export const CALLBACKS_PATH = "/v1/:sid/callbacks";

export function callbackNotFound(id: string): ApiError {
  return apiError("notFound", "params", `params/id callback ${id} not found`);
}

function retriedRecord(result: RetryCallbackResult, id: string): CallbackRecord {
  switch (result.outcome) {
    case "retried":
      return result.callback;
    case "not-found":
      throw callbackNotFound(id);
    case "not-finished":
      throw apiError(
        "conflict",
        "params",
        result.status === "held"
          ? `params/id callback ${id} is held until its profile is enabled again`
          : `params/id callback ${id} is still ${result.status}; retry it once it has failed or been delivered`,
      );
    case "profile-deleted":
      throw apiError(
        "conflict",
        "params",
        `params/id callback ${id} cannot be resent: profile ${result.profileId} was deleted`,
      );
    case "profile-disabled":
      throw apiError(
        "forbidden",
        "params",
        `params/id callback ${id} cannot be resent: profile ${result.profileId} is disabled`,
      );
    default: {
      const unknown: never = result;
      throw new Error(`unknown retry outcome ${JSON.stringify(unknown)}`);
    }
  }
}

/** Adds the waited-for status and rendered response message to each accepted callback. */
function withOutcome(
  accepted: AcceptedCallbackView[],
  records: CallbackRecord[],
): AcceptedCallbackView[] {
  const byId = new Map(records.map((record) => [record.delivery.id, record.delivery]));
  return accepted.map((view) => {
    const delivery = byId.get(view.id);
    if (delivery === undefined) return { ...view, response_message: null };
    return { ...view, status: delivery.status, response_message: delivery.responseMessage };
  });
}

/** `POST/GET /v1/:sid/callbacks`, `GET /callbacks/:id`, `POST /callbacks/:id/retry`. */
export function registerCallbackRoutes(app: Hono<AppEnv>, options: ResolvedApiOptions): void {
  const { db } = options;

  app.post(CALLBACKS_PATH, async (c) => {
    const query = parseTriggerQuery(c.req.queries());
    if (!query.ok) throw new ApiError("invalid", query.issues);
    const parsed = parseTriggerBody(await readJsonBody(c.req, options.maxBodyBytes));
    if (!parsed.ok) throw new ApiError("invalid", parsed.issues);
    const accountId = c.get("auth").accountId;
    const result = await enqueueCallbacks(db, {
      accountId,
      items: parsed.items,
      now: options.now(),
    });
    if (!result.ok) throw enqueueError(result.issues, parsed.batch);
    let views = result.callbacks.map(acceptedView);
    if (query.waitMs > 0) {
      const waited = await waitForOutcome(db, {
        accountId,
        ids: views.map((view) => view.id),
        waitMs: query.waitMs,
        signal: c.req.raw.signal,
      });
      views = withOutcome(views, waited.callbacks);
    }
    const data = parsed.batch ? views : views[0];
    const message = parsed.batch ? "Callbacks accepted" : "Callback accepted";
    return c.json(successEnvelope("accepted", message, data), 202);
  });

  app.get(CALLBACKS_PATH, async (c) => {
    const parsed = parseCallbackListQuery(c.req.queries());
    if (!parsed.ok) throw new ApiError("invalid", parsed.issues);
    const { filters } = parsed;
    const { callbacks, total } = await listCallbacks(db, c.get("auth").accountId, filters);
    const data = {
      callbacks: callbacks.map(callbackListItemView),
      total,
      limit: filters.limit,
      offset: filters.offset,
    };
    return c.json(successEnvelope("ok", "Callbacks fetched successfully", data), 200);
  });

  app.get(`${CALLBACKS_PATH}/:id`, async (c) => {
    const id = c.req.param("id");
    const callback = await getCallback(db, c.get("auth").accountId, id);
    if (callback === null) throw callbackNotFound(id);
    const data = callbackDetailView(callback);
    return c.json(successEnvelope("ok", "Callback fetched successfully", data), 200);
  });

  app.post(`${CALLBACKS_PATH}/:id/retry`, async (c) => {
    const id = c.req.param("id");
    const result = await retryCallback(db, c.get("auth").accountId, id, { now: options.now() });
    const data = callbackView(retriedRecord(result, id));
    return c.json(successEnvelope("accepted", "Callback queued for retry", data), 202);
  });
}
