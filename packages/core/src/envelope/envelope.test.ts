import { describe, expect, it } from "vitest";
import { errorEnvelope, successEnvelope } from "./envelope.ts";
import { RESPONSE_CODES } from "./response-codes.ts";

describe("envelopes", () => {
  it("builds the seed's failure response", () => {
    const message = "body must have required property 'title'";
    expect(errorEnvelope("invalid", [{ location: "body", message }])).toEqual({
      code: "RBC302",
      message,
      data: {},
      error: [{ body: message }],
      status: 400,
    });
  });

  it("builds a success response with the seed's code", () => {
    expect(
      successEnvelope("created", "Profile created successfully", { profile_id: "IN_1" }),
    ).toEqual({
      code: "RBC024",
      message: "Profile created successfully",
      data: { profile_id: "IN_1" },
      error: {},
      status: 201,
    });
  });

  it("lists several issues and falls back to a generic message", () => {
    const envelope = errorEnvelope("notFound", [
      { location: "params", message: "params/id not found" },
      { location: "query", message: "query/limit must be <= 100" },
    ]);
    expect(envelope.error).toEqual([
      { params: "params/id not found" },
      { query: "query/limit must be <= 100" },
    ]);
    expect(errorEnvelope("internal", []).message).toBe("request failed");
  });

  it("gives every kind a distinct code-and-status pair", () => {
    const pairs = Object.values(RESPONSE_CODES).map(({ code, status }) => `${code}/${status}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
