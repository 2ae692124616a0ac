import { AccountUpdateBodySchema, ReportSettingsBodySchema } from "@rebound/core";
import { AccountViewSchema } from "../accounts/account-view.ts";
import { ReportSettingsViewSchema } from "../settings/report-settings-view.ts";
import type { OpenApiDocument } from "./openapi-document.ts";
import { errors, jsonBody, success } from "./openapi-helpers.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const sid = { $ref: "#/components/parameters/sid" };

/** Schemas the account and settings routes validate with or answer with, by component name. */
export function settingsSchemas(): Record<string, object> {
  return {
    AccountUpdateBody: AccountUpdateBodySchema,
    AccountView: AccountViewSchema,
    ReportSettingsBody: ReportSettingsBodySchema,
    ReportSettingsView: ReportSettingsViewSchema,
  };
}

/** The OpenAPI paths of the account (time zone) and its callback report settings. */
export function settingsPaths(): OpenApiDocument["paths"] {
  const writeErrors = errors("invalid", "tooLarge", "unsupportedMediaType");
  return {
    "/v1/{sid}/account": {
      parameters: [sid],
      get: {
        tags: ["account"],
        operationId: "getAccount",
        summary: "The account of the API key: SID, name, time zone",
        responses: {
          "200": success("ok", "Account fetched successfully", ref("AccountView")),
          ...errors(),
        },
      },
      patch: {
        tags: ["account"],
        operationId: "updateAccount",
        summary:
          "Set the company time zone (IANA name, any case; stored canonically), which schedules callback reports",
        requestBody: jsonBody("AccountUpdateBody"),
        responses: {
          "200": success("ok", "Account updated successfully", ref("AccountView")),
          ...writeErrors,
        },
      },
    },
    "/v1/{sid}/settings/callback-report": {
      parameters: [sid],
      get: {
        tags: ["settings"],
        operationId: "getCallbackReportSettings",
        summary: "Callback report settings; never saved = disabled, no frequency, no recipient",
        responses: {
          "200": success(
            "ok",
            "Callback report settings fetched successfully",
            ref("ReportSettingsView"),
          ),
          ...errors(),
        },
      },
      put: {
        tags: ["settings"],
        operationId: "putCallbackReportSettings",
        summary:
          "Replace the callback report settings: enabling needs a frequency and a recipient; addresses are validated, de-duplicated (any case), at most 20",
        requestBody: jsonBody("ReportSettingsBody"),
        responses: {
          "200": success(
            "ok",
            "Callback report settings updated successfully",
            ref("ReportSettingsView"),
          ),
          ...writeErrors,
        },
      },
    },
  };
}
