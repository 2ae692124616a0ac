import { DEFAULT_REPORT_SETTINGS, successEnvelope, validateReportSettings } from "@rebound/core";
import type { Hono } from "hono";
import type { ResolvedApiOptions } from "../api-options.ts";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "../errors/api-error.ts";
import { readJsonBody } from "../http/json-body.ts";
import { findReportSettings, saveReportSettings } from "./report-settings-store.ts";
import { reportSettingsView } from "./report-settings-view.ts";

export const REPORT_SETTINGS_PATH = "/v1/:sid/settings/callback-report";

/**
 * `GET/PUT /v1/:sid/settings/callback-report` (the UI seed's Notification tab); auth runs before
 * these. An account that never saved settings reads the defaults (disabled, nothing chosen).
 */
export function registerReportSettingsRoutes(app: Hono<AppEnv>, options: ResolvedApiOptions): void {
  const { db } = options;

  app.get(REPORT_SETTINGS_PATH, async (c) => {
    const stored = await findReportSettings(db, c.get("auth").accountId);
    const data = reportSettingsView(stored ?? DEFAULT_REPORT_SETTINGS);
    return c.json(
      successEnvelope("ok", "Callback report settings fetched successfully", data),
      200,
    );
  });

  app.put(REPORT_SETTINGS_PATH, async (c) => {
    const input = await readJsonBody(c.req, options.maxBodyBytes);
    const validation = validateReportSettings(input);
    if (!validation.ok) throw new ApiError("invalid", validation.issues);
    const saved = await saveReportSettings(
      db,
      c.get("auth").accountId,
      validation.settings,
      options.now(),
    );
    return c.json(
      successEnvelope(
        "ok",
        "Callback report settings updated successfully",
        reportSettingsView(saved),
      ),
      200,
    );
  });
}
