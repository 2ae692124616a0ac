import { testDrivers } from "@rebound/db/testing";
import { describe, expect, it, vi } from "vitest";
import { createApiFixture } from "../testing/api-fixture.ts";

describe.each(testDrivers())("GET /healthz on %s", (driver) => {
  it("answers ok while the database answers and 503 once it is closed", async () => {
    const fx = await createApiFixture(driver);
    const healthy = await fx.call("GET", "/healthz");
    expect(healthy.status).toBe(200);
    expect(healthy.body).toEqual({
      code: "RBC024",
      message: "Service is healthy",
      data: { status: "ok" },
      error: {},
      status: 200,
    });
    await fx.close();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const down = await fx.call("GET", "/healthz");
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ code: "RBC503", message: "database is not reachable" });
    } finally {
      logged.mockRestore();
    }
  });
});
