import { Type } from "@sinclair/typebox";
import { describe, expect, it } from "vitest";
import { createValidator } from "./create-validator.ts";
import { anyCaseEnum, literalEnum, nullable, withMessages } from "./schema-helpers.ts";

const QuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    status: Type.Optional(literalEnum(["pending", "failed"] as const)),
    code: Type.Optional(Type.String({ pattern: "^[a-z]+$" })),
    slug: Type.Optional(
      Type.String(withMessages({ pattern: "must be a slug" }, { pattern: "^[a-z-]+$" })),
    ),
    method: Type.Optional(anyCaseEnum(["GET", "POST"])),
  },
  { additionalProperties: false },
);
const validateQuery = createValidator(QuerySchema, "query");

describe("createValidator", () => {
  it("returns the input itself when valid, without coercion or defaults", () => {
    const input = { limit: 5 };
    const result = validateQuery(input);
    expect(result).toEqual({ ok: true, value: input });
    expect(result.ok && result.value).toBe(input);
  });

  it.each([
    [{ limit: 500 }, "query/limit must be <= 100"],
    [{ limit: "5" }, "query/limit must be integer"],
    [{ limit: 1.5 }, "query/limit must be integer"],
    [
      { status: "done" },
      "query/status must be equal to one of the allowed values: pending, failed",
    ],
    [{ code: "A1" }, "query/code has an invalid format"],
    [{ slug: "A1" }, "query/slug must be a slug"],
    [{ method: "put" }, "query/method must be equal to one of the allowed values: GET, POST"],
    [{ other: 1 }, "query must NOT have additional properties: 'other'"],
    ["x", "query must be object"],
  ])("reports %j as %j", (input, message) => {
    expect(validateQuery(input)).toEqual({ ok: false, issues: [{ location: "query", message }] });
  });

  it("formats params with their location", () => {
    const validateParams = createValidator(Type.Object({ id: Type.String() }), "params");
    expect(validateParams({})).toEqual({
      ok: false,
      issues: [{ location: "params", message: "params must have required property 'id'" }],
    });
  });

  it("prefixes the base path when validating part of a document", () => {
    const validate = createValidator(Type.Array(Type.String()), "body", { basePath: "/events" });
    const result = validate(["a", 1]);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      "body/events/1 must be string",
    ]);
  });

  it("caps the issues at 20", () => {
    const validate = createValidator(Type.Array(Type.String()), "body");
    const result = validate(Array.from({ length: 30 }, (_, i) => i));
    expect(result.ok ? 0 : result.issues.length).toBe(20);
  });

  it("refuses schemas with unknown keywords (strict mode)", () => {
    expect(() => createValidator(Type.String({ fromat: "email" }), "body")).toThrow(
      /unknown keyword/,
    );
  });
});

describe("union errors", () => {
  const validate = createValidator(
    Type.Object({
      headers: Type.Union([Type.Record(Type.String(), Type.String()), Type.String()]),
      list: Type.Optional(
        nullable(Type.Array(Type.Union([Type.Integer(), Type.String({ maxLength: 2 })]))),
      ),
    }),
    "body",
  );

  it.each([
    [{ headers: { "x-a": 1 } }, ["body/headers/x-a must be string"]],
    [{ headers: 5 }, ["body/headers must be object or string"]],
    [{ headers: "", list: "x" }, ["body/list must be array or null"]],
    [
      { headers: "", list: [1, "abc", true] },
      ["body/list/1 must NOT have more than 2 characters", "body/list/2 must be integer or string"],
    ],
  ])("keeps only the branch that fits %j", (input, messages) => {
    const result = validate(input);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual(messages);
  });
});
