import { describe, expect, it } from "vitest";
import type { AttemptResult } from "./attempt-result.ts";
import { describeAttemptResult, isSuccessStatus } from "./attempt-result.ts";

describe("describeAttemptResult", () => {
  it.each<[AttemptResult, string]>([
    [{ kind: "response", statusCode: 503 }, "HTTP 503"],
    [{ kind: "response", statusCode: 200, retryAfter: null }, "HTTP 200"],
    [{ kind: "error", errorClass: "timeout" }, "timeout"],
    [{ kind: "error", errorClass: "connect" }, "connect"],
    [{ kind: "error", errorClass: "dns" }, "dns"],
    [{ kind: "error", errorClass: "ssrf" }, "ssrf"],
    [{ kind: "error", errorClass: "tls" }, "tls"],
    [{ kind: "error", errorClass: "network" }, "network"],
    [{ kind: "error", errorClass: "render" }, "render"],
  ])("describes %j as %s", (result, expected) => {
    expect(describeAttemptResult(result)).toBe(expected);
  });

  it("throws TypeError for a result of unknown kind", () => {
    const bogus = { kind: "carrier-pigeon" } as unknown as AttemptResult;
    expect(() => describeAttemptResult(bogus)).toThrow(TypeError);
  });
});

describe("isSuccessStatus", () => {
  it.each([200, 201, 204, 299])("treats %i as success", (statusCode) => {
    expect(isSuccessStatus(statusCode)).toBe(true);
  });

  it.each([0, 100, 199, 200.5, 300, 301, 304, 400, 500, Number.NaN])(
    "treats %s as failure",
    (statusCode) => {
      expect(isSuccessStatus(statusCode)).toBe(false);
    },
  );
});
