import { Hono } from "hono";
import { registerAccountRoutes } from "./accounts/account-routes.ts";
import { type ApiOptions, resolveApiOptions } from "./api-options.ts";
import type { AppEnv } from "./app-env.ts";
import { registerCallbackRoutes } from "./callbacks/callback-routes.ts";
import { onApiError, onRouteNotFound } from "./errors/on-error.ts";
import { registerHealthRoutes } from "./health/health-routes.ts";
import { accountScope, apiKeyAuth, rateLimit } from "./http/auth.ts";
import { buildOpenApiDocument } from "./openapi/openapi-document.ts";
import { registerPreviewRoute } from "./profiles/preview-route.ts";
import { registerProfileRoutes } from "./profiles/profile-routes.ts";
import { registerSecretRoutes } from "./profiles/secret-routes.ts";
import { registerTestRoute } from "./profiles/test-route.ts";
import { registerReportSettingsRoutes } from "./settings/report-settings-routes.ts";

/**
 * The Rebound HTTP API as a Hono app: serve it with `Bun.serve({ fetch: app.fetch })`, or call
 * `app.request()` in tests. Every response uses the seed's envelope, except `/openapi.json`.
 *
 * @example
 * const app = createApp({ db, secretBox, profileIdPrefix: "IN", rateLimitPerMinute: 600 });
 * Bun.serve({ port: 8080, fetch: app.fetch });
 */
export function createApp(options: ApiOptions): Hono {
  const resolved = resolveApiOptions(options);
  // Routes see the authenticated key in their typed context; callers get a plain `Hono`.
  const app = new Hono<AppEnv>();

  registerHealthRoutes(app, resolved.db);
  const openApiDocument = buildOpenApiDocument();
  app.get("/openapi.json", (c) => c.json(openApiDocument));

  app.use("/v1/:sid/*", apiKeyAuth(resolved.db));
  app.use("/v1/:sid/*", rateLimit(resolved.rateLimitPerMinute, resolved.now));
  app.use("/v1/:sid/*", accountScope());
  registerPreviewRoute(app, resolved);
  registerProfileRoutes(app, resolved);
  registerSecretRoutes(app, resolved);
  registerTestRoute(app, resolved);
  registerCallbackRoutes(app, resolved);
  registerAccountRoutes(app, resolved);
  registerReportSettingsRoutes(app, resolved);

  const root = new Hono();
  root.onError(onApiError);
  root.notFound(onRouteNotFound);
  root.route("/", app);
  return root;
}
