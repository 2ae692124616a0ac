import {
  AccountUpdateBodySchema,
  ProfileCreateBodySchema,
  ProfileUpdateBodySchema,
  RESPONSE_CODES,
  ReportSettingsBodySchema,
  validateProfileCreate,
} from "@rebound/core";
import { testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallbackListQuerySchema } from "../callbacks/callback-list-query.ts";
import { TriggerBatchSchema, TriggerEventSchema } from "../callbacks/trigger-body.ts";
import { ProfileListQuerySchema } from "../profiles/list-query.ts";
import { ProfilePreviewBodySchema } from "../profiles/preview-schemas.ts";
import { TestCallbackBodySchema } from "../profiles/test-callback-schemas.ts";
import { type ApiFixture, createApiFixture } from "../testing/api-fixture.ts";
import { buildOpenApiDocument } from "./openapi-document.ts";

describe("buildOpenApiDocument", () => {
  const document = buildOpenApiDocument();

  it("lists every endpoint with its methods", () => {
    const operations = Object.entries(document.paths).map(
      ([path, item]) =>
        `${path} ${Object.keys(item)
          .filter((key) => key !== "parameters")
          .join(",")}`,
    );
    expect(operations).toEqual([
      "/v1/{sid}/callback/profiles post,get",
      "/v1/{sid}/callback/profiles/{id} get,patch,delete",
      "/v1/{sid}/callback/profiles/preview post",
      "/v1/{sid}/callback/profiles/{id}/secret get",
      "/v1/{sid}/callback/profiles/{id}/secret/rotate post",
      "/v1/{sid}/callback/profiles/{id}/test post",
      "/v1/{sid}/callbacks post,get",
      "/v1/{sid}/callbacks/{id} get",
      "/v1/{sid}/callbacks/{id}/retry post",
      "/v1/{sid}/account get,patch",
      "/v1/{sid}/settings/callback-report get,put",
      "/healthz get",
      "/openapi.json get",
    ]);
  });

  it("uses the very schema objects that validate requests", () => {
    expect(document.components.schemas.ProfileCreateBody).toBe(ProfileCreateBodySchema);
    expect(document.components.schemas.ProfileUpdateBody).toBe(ProfileUpdateBodySchema);
    expect(document.components.schemas.ProfileListQuery).toBe(ProfileListQuerySchema);
    expect(document.components.schemas.TriggerEvent).toBe(TriggerEventSchema);
    expect(document.components.schemas.TriggerBatch).toBe(TriggerBatchSchema);
    expect(document.components.schemas.CallbackListQuery).toBe(CallbackListQuerySchema);
    expect(document.components.schemas.TestCallbackBody).toBe(TestCallbackBodySchema);
    expect(document.components.schemas.ProfilePreviewBody).toBe(ProfilePreviewBodySchema);
    expect(document.components.schemas.ReportSettingsBody).toBe(ReportSettingsBodySchema);
    expect(document.components.schemas.AccountUpdateBody).toBe(AccountUpdateBodySchema);
    expect(validateProfileCreate({}).ok).toBe(false);
  });

  it("documents the list query parameters from the query schema", () => {
    const list = document.paths["/v1/{sid}/callback/profiles"]?.get as {
      parameters: { name: string; schema: unknown }[];
    };
    expect(list.parameters.map((parameter) => parameter.name)).toEqual(
      Object.keys(ProfileListQuerySchema.properties),
    );
    expect(list.parameters[0]?.schema).toBe(ProfileListQuerySchema.properties.title);
  });

  it("documents the callback list and wait parameters from their query schemas", () => {
    const trigger = document.paths["/v1/{sid}/callbacks"] as Record<
      string,
      { parameters: { name: string; schema: unknown }[] }
    >;
    expect(trigger.get?.parameters.map((parameter) => parameter.name)).toEqual(
      Object.keys(CallbackListQuerySchema.properties),
    );
    expect(trigger.post?.parameters.map((parameter) => parameter.name)).toEqual(["wait"]);
  });

  it("declares the api-key security scheme and every error code and status", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.apiKey).toEqual({
      type: "apiKey",
      in: "header",
      name: "api-key",
    });
    for (const [kind, { code, status }] of Object.entries(RESPONSE_CODES)) {
      expect(document.info.description).toContain(`| ${kind} | ${code} | ${status} |`);
      if (status >= 400) {
        expect(document.components.responses[kind]?.description).toContain(code);
      }
    }
  });
});

describe.each(testDrivers())("GET /openapi.json on %s", (driver) => {
  let fx: ApiFixture;
  beforeAll(async () => {
    fx = await createApiFixture(driver);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("serves the document as JSON without authentication", async () => {
    const response = await fx.app.request("/openapi.json");
    expect(response.status).toBe(200);
    const served = (await response.json()) as ReturnType<typeof buildOpenApiDocument>;
    expect(served).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(served.components.schemas.ProfileCreateBody).toMatchObject({
      required: ["title", "http_method", "url"],
    });
  });
});
