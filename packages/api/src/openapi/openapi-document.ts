import { ProfileCreateBodySchema, ProfileUpdateBodySchema, RESPONSE_CODES } from "@rebound/core";
import type { ApiErrorKind } from "../errors/api-error.ts";
import { ProfileListQuerySchema } from "../profiles/list-query.ts";
import { callbackPaths, callbackSchemas } from "./callback-paths.ts";
import {
  envelopeOf,
  errors,
  type JsonObject,
  jsonBody,
  queryParameters,
  success,
} from "./openapi-helpers.ts";
import { EnvelopeSchema, ProfileViewSchema, WarningsSchema } from "./response-schemas.ts";
import { settingsPaths, settingsSchemas } from "./settings-paths.ts";

export interface OpenApiOptions {
  /** Base URL listed in `servers`; omitted = relative to the document. */
  serverUrl?: string;
}

/** An OpenAPI 3.1 document; schemas are the TypeBox objects themselves (JSON Schema 2020-12). */
export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, unknown>>;
  components: {
    securitySchemes: Record<string, JsonObject>;
    schemas: Record<string, object>;
    parameters: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
  };
}

const ERROR_DESCRIPTIONS: Record<ApiErrorKind, string> = {
  invalid: "Validation failed (Ajv-style messages, one per issue)",
  notFound: "Account, profile or route not found (other accounts' data is never shown)",
  unauthorized: "api-key header missing, unknown or revoked",
  forbidden: "The profile is disabled (status 3): triggers and resends are refused",
  conflict: "Duplicate profile title, or a callback that cannot be resent yet",
  tooLarge: "Request body larger than the configured limit",
  unsupportedMediaType: "Content-Type is not application/json",
  rateLimited: "Too many requests for this API key; see Retry-After",
  internal: "Unexpected error (logged by the server)",
  unavailable: "The database is not reachable, or test callbacks are not configured",
};

const ERROR_KINDS = Object.keys(ERROR_DESCRIPTIONS) as ApiErrorKind[];

const profileRef = { $ref: "#/components/schemas/ProfileView" };
const idParameter = { $ref: "#/components/parameters/profileId" };

function profilePaths(): OpenApiDocument["paths"] {
  const tags = ["profiles"];
  return {
    "/v1/{sid}/callback/profiles": {
      parameters: [{ $ref: "#/components/parameters/sid" }],
      post: {
        tags,
        operationId: "createProfile",
        summary: "Create a callback profile; the signing secret is returned only here",
        requestBody: jsonBody("ProfileCreateBody"),
        responses: {
          "201": success("created", "Profile created successfully", {
            allOf: [
              profileRef,
              {
                type: "object",
                properties: { signing_secret: { type: "string" }, warnings: WarningsSchema },
              },
            ],
          }),
          ...errors("invalid", "conflict", "tooLarge", "unsupportedMediaType"),
        },
      },
      get: {
        tags,
        operationId: "listProfiles",
        summary: "List profiles, newest first, with filters and the total count",
        parameters: queryParameters(ProfileListQuerySchema),
        responses: {
          "200": success("ok", "Profiles fetched successfully", {
            type: "object",
            properties: {
              profiles: { type: "array", items: profileRef },
              total: { type: "integer" },
              limit: { type: "integer" },
              offset: { type: "integer" },
            },
          }),
          ...errors("invalid"),
        },
      },
    },
    "/v1/{sid}/callback/profiles/{id}": {
      parameters: [{ $ref: "#/components/parameters/sid" }, idParameter],
      get: {
        tags,
        operationId: "getProfile",
        summary: "Fetch a profile (secrets masked)",
        responses: {
          "200": success("ok", "Profile fetched successfully", profileRef),
          ...errors(),
        },
      },
      patch: {
        tags,
        operationId: "updateProfile",
        summary: "Partially update a profile; channel is immutable; masked enc key/IV = unchanged",
        requestBody: jsonBody("ProfileUpdateBody"),
        responses: {
          "200": success("ok", "Profile updated successfully", {
            allOf: [profileRef, { type: "object", properties: { warnings: WarningsSchema } }],
          }),
          ...errors("invalid", "conflict", "tooLarge", "unsupportedMediaType"),
        },
      },
      delete: {
        tags,
        operationId: "deleteProfile",
        summary: "Delete a profile and cancel its pending and held deliveries",
        responses: {
          "200": success("ok", "Profile deleted successfully", {
            type: "object",
            properties: { profileId: { type: "string" } },
          }),
          ...errors(),
        },
      },
    },
  };
}

function operationalPaths(): OpenApiDocument["paths"] {
  const unauthenticated = { security: [] };
  return {
    "/healthz": {
      get: {
        ...unauthenticated,
        tags: ["operations"],
        operationId: "health",
        summary: "Liveness and database check",
        responses: {
          "200": success("ok", "Service is healthy", {
            type: "object",
            properties: { status: { const: "ok" } },
          }),
          "503": { $ref: "#/components/responses/unavailable" },
        },
      },
    },
    "/openapi.json": {
      get: {
        ...unauthenticated,
        tags: ["operations"],
        operationId: "openApi",
        summary: "This document (not enveloped)",
        responses: { "200": { description: "OpenAPI 3.1 document" } },
      },
    },
  };
}

function responseCodeTable(): string {
  const rows = Object.entries(RESPONSE_CODES).map(
    ([kind, { code, status }]) => `| ${kind} | ${code} | ${status} |`,
  );
  return ["| kind | code | HTTP status |", "|---|---|---|", ...rows].join("\n");
}

/**
 * The OpenAPI 3.1 document of the API, built from the same TypeBox schemas that validate requests
 * (core's profile body schemas, the list query schemas, the trigger body), so the two cannot
 * drift apart.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Rebound API",
      version: "0.1.0",
      description: `Callback (webhook) profiles, callbacks, account time zone and callback report settings. Every response uses the envelope {code, message, data, error, status}.\n\n${responseCodeTable()}`,
    },
    servers: [{ url: options.serverUrl ?? "/" }],
    security: [{ apiKey: [] }],
    paths: { ...profilePaths(), ...callbackPaths(), ...settingsPaths(), ...operationalPaths() },
    components: {
      securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "api-key" } },
      schemas: {
        Envelope: EnvelopeSchema,
        ProfileCreateBody: ProfileCreateBodySchema,
        ProfileUpdateBody: ProfileUpdateBodySchema,
        ProfileListQuery: ProfileListQuerySchema,
        ProfileView: ProfileViewSchema,
        ...callbackSchemas(),
        ...settingsSchemas(),
      },
      parameters: {
        sid: { name: "sid", in: "path", required: true, schema: { type: "string" } },
        profileId: {
          name: "id",
          in: "path",
          required: true,
          schema: { type: "string" },
          description: "Public profile id `<prefix>_<uuid>`",
        },
        callbackId: {
          name: "id",
          in: "path",
          required: true,
          schema: { type: "string", format: "uuid" },
          description: "Callback id, as the trigger returned it",
        },
      },
      responses: Object.fromEntries(
        ERROR_KINDS.map((kind) => [
          kind,
          {
            description: `${RESPONSE_CODES[kind].code}: ${ERROR_DESCRIPTIONS[kind]}`,
            content: { "application/json": { schema: envelopeOf(kind) } },
            ...(kind === "rateLimited"
              ? { headers: { "Retry-After": { schema: { type: "integer" } } } }
              : {}),
          },
        ]),
      ),
    },
  };
}
