import { CallbackListQuerySchema } from "../callbacks/callback-list-query.ts";
import {
  AcceptedCallbackSchema,
  CallbackDetailSchema,
  CallbackListItemSchema,
  CallbackViewSchema,
} from "../callbacks/callback-view.ts";
import { TriggerBatchSchema, TriggerEventSchema } from "../callbacks/trigger-body.ts";
import { TriggerQuerySchema } from "../callbacks/wait-query.ts";
import { ProfilePreviewBodySchema, ProfilePreviewViewSchema } from "../profiles/preview-schemas.ts";
import { SigningSecretViewSchema } from "../profiles/secret-routes.ts";
import {
  TestCallbackBodySchema,
  TestCallbackViewSchema,
} from "../profiles/test-callback-schemas.ts";
import type { OpenApiDocument } from "./openapi-document.ts";
import { errors, jsonBody, queryParameters, success } from "./openapi-helpers.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const sid = { $ref: "#/components/parameters/sid" };
const profileId = { $ref: "#/components/parameters/profileId" };
const callbackId = { $ref: "#/components/parameters/callbackId" };

/** Schemas the callback routes validate with or answer with, by component name. */
export function callbackSchemas(): Record<string, object> {
  return {
    TriggerEvent: TriggerEventSchema,
    TriggerBatch: TriggerBatchSchema,
    AcceptedCallback: AcceptedCallbackSchema,
    CallbackListQuery: CallbackListQuerySchema,
    CallbackView: CallbackViewSchema,
    CallbackListItem: CallbackListItemSchema,
    CallbackDetail: CallbackDetailSchema,
    SigningSecretView: SigningSecretViewSchema,
    TestCallbackBody: TestCallbackBodySchema,
    TestCallbackView: TestCallbackViewSchema,
    ProfilePreviewBody: ProfilePreviewBodySchema,
    ProfilePreviewView: ProfilePreviewViewSchema,
  };
}

function profileDeliveryPaths(): OpenApiDocument["paths"] {
  const tags = ["profiles"];
  return {
    "/v1/{sid}/callback/profiles/preview": {
      parameters: [sid],
      post: {
        tags,
        operationId: "previewProfile",
        summary:
          "Render the request an unsaved profile (or a stored one with unsaved changes) would send for one event; nothing is sent or stored, secret-looking headers are redacted",
        requestBody: jsonBody("ProfilePreviewBody"),
        responses: {
          "200": success("ok", "Preview rendered", ref("ProfilePreviewView")),
          ...errors("invalid", "tooLarge", "unsupportedMediaType"),
        },
      },
    },
    "/v1/{sid}/callback/profiles/{id}/secret": {
      parameters: [sid, profileId],
      get: {
        tags,
        operationId: "getSigningSecret",
        summary: "The signing secret, and the previous one while it still signs",
        responses: {
          "200": success("ok", "Signing secret fetched successfully", ref("SigningSecretView")),
          ...errors(),
        },
      },
    },
    "/v1/{sid}/callback/profiles/{id}/secret/rotate": {
      parameters: [sid, profileId],
      post: {
        tags,
        operationId: "rotateSigningSecret",
        summary: "New signing secret; the previous one keeps signing for 24 h",
        responses: {
          "200": success("ok", "Signing secret rotated successfully", ref("SigningSecretView")),
          ...errors(),
        },
      },
    },
    "/v1/{sid}/callback/profiles/{id}/test": {
      parameters: [sid, profileId],
      post: {
        tags,
        operationId: "testProfile",
        summary: "Send a sample event now and return the attempt (not recorded as a callback)",
        requestBody: { ...jsonBody("TestCallbackBody"), required: false },
        responses: {
          "200": success("ok", "Test callback sent", ref("TestCallbackView")),
          ...errors("invalid", "tooLarge", "unsupportedMediaType", "unavailable"),
        },
      },
    },
  };
}

function callbackRoutes(): OpenApiDocument["paths"] {
  const tags = ["callbacks"];
  return {
    "/v1/{sid}/callbacks": {
      parameters: [sid],
      post: {
        tags,
        operationId: "triggerCallbacks",
        summary:
          "Trigger one event or a batch (1..1000, all or nothing); committed before 202. With `wait`, answers once delivered, failed or cancelled (or at the timeout) with the status and rendered response_message",
        parameters: queryParameters(TriggerQuerySchema),
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { oneOf: [ref("TriggerEvent"), ref("TriggerBatch")] } },
          },
        },
        responses: {
          "202": success("accepted", "Callback accepted (batch: Callbacks accepted)", {
            oneOf: [ref("AcceptedCallback"), { type: "array", items: ref("AcceptedCallback") }],
          }),
          ...errors("invalid", "forbidden", "tooLarge", "unsupportedMediaType"),
        },
      },
      get: {
        tags,
        operationId: "listCallbacks",
        summary: "List callbacks, newest first, with filters and the total count",
        parameters: queryParameters(CallbackListQuerySchema),
        responses: {
          "200": success("ok", "Callbacks fetched successfully", {
            type: "object",
            properties: {
              callbacks: { type: "array", items: ref("CallbackListItem") },
              total: { type: "integer" },
              limit: { type: "integer" },
              offset: { type: "integer" },
            },
          }),
          ...errors("invalid"),
        },
      },
    },
    "/v1/{sid}/callbacks/{id}": {
      parameters: [sid, callbackId],
      get: {
        tags,
        operationId: "getCallback",
        summary: "One callback with all its attempts",
        responses: {
          "200": success("ok", "Callback fetched successfully", ref("CallbackDetail")),
          ...errors(),
        },
      },
    },
    "/v1/{sid}/callbacks/{id}/retry": {
      parameters: [sid, callbackId],
      post: {
        tags,
        operationId: "retryCallback",
        summary:
          "Resend a failed, delivered or cancelled callback (409 while pending, delivering or held)",
        responses: {
          "202": success("accepted", "Callback queued for retry", ref("CallbackView")),
          ...errors("conflict", "forbidden"),
        },
      },
    },
  };
}

/** The OpenAPI paths of the trigger side: previews, secrets, test sends, callbacks. */
export function callbackPaths(): OpenApiDocument["paths"] {
  return { ...profileDeliveryPaths(), ...callbackRoutes() };
}
