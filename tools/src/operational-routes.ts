import { errorEnvelope, successEnvelope } from "@rebound/core";
import type { DbHandle } from "@rebound/db";
import {
  countQueue,
  createMetricsRecorder,
  type Dispatcher,
  renderPrometheus,
} from "@rebound/dispatcher";

type Fetch = (request: Request) => Response | Promise<Response>;

const notFound: Fetch = () => {
  const envelope = errorEnvelope("notFound", [{ location: "params", message: "not found" }]);
  return Response.json(envelope, { status: envelope.status });
};

/**
 * Adds `/metrics` (Prometheus text) and, for a process without the API, `/healthz`, in front of
 * the API's own routes. Queue depth comes from the database; counters from this process's
 * dispatcher (zero when it runs none).
 */
export function withOperationalRoutes(
  api: Fetch | null,
  handle: DbHandle,
  dispatcher: Dispatcher | null,
): Fetch {
  const idle = createMetricsRecorder();
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/metrics" && request.method === "GET") {
      const metrics = dispatcher?.metrics() ?? idle.snapshot(0);
      return new Response(renderPrometheus(metrics, await countQueue(handle)), {
        headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" },
      });
    }
    if (api) return api(request);
    if (pathname === "/healthz") {
      await handle.query("select 1");
      return Response.json(successEnvelope("ok", "ok", { status: "ok" }));
    }
    return notFound(request);
  };
}
