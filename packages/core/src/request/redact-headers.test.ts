import { describe, expect, it } from "vitest";
import { REDACTED, redactHeaders } from "./redact-headers.ts";

describe("redactHeaders", () => {
  it("hides the signature and secret-looking headers and keeps the rest", () => {
    expect(
      redactHeaders({
        "webhook-id": "msg_1",
        "webhook-signature": "v1,abc",
        Authorization: "Bearer x",
        "X-Api-Key": "k",
        api_key: "k",
        "X-Auth-Token": "t",
        "Client-Secret": "s",
        "Content-Type": "application/json",
      }),
    ).toEqual({
      "webhook-id": "msg_1",
      "webhook-signature": REDACTED,
      Authorization: REDACTED,
      "X-Api-Key": REDACTED,
      api_key: REDACTED,
      "X-Auth-Token": REDACTED,
      "Client-Secret": REDACTED,
      "Content-Type": "application/json",
    });
  });
});
