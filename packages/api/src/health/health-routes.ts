import { successEnvelope } from "@rebound/core";
import type { Database } from "@rebound/db";
import { sql } from "drizzle-orm";
import type { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { apiError } from "../errors/api-error.ts";

/** `GET /healthz`: 200 when the database answers `select 1`, 503 otherwise. */
export function registerHealthRoutes(app: Hono<AppEnv>, db: Database): void {
  app.get("/healthz", async (c) => {
    try {
      await db.execute(sql`select 1`);
    } catch (cause) {
      console.error("rebound api: health check failed:", cause);
      throw apiError("unavailable", "headers", "database is not reachable");
    }
    return c.json(successEnvelope("ok", "Service is healthy", { status: "ok" }), 200);
  });
}
