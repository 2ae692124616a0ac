import { RESPONSE_CODES, type ResponseKind } from "@rebound/core";
import type { ApiErrorKind } from "../errors/api-error.ts";

export type JsonObject = { [key: string]: unknown };

const envelopeRef = { $ref: "#/components/schemas/Envelope" };

export function envelopeOf(kind: ResponseKind, data?: JsonObject): JsonObject {
  const { code, status } = RESPONSE_CODES[kind];
  const fixed: JsonObject = { code: { const: code }, status: { const: status } };
  if (data !== undefined) fixed.data = data;
  return { allOf: [envelopeRef, { type: "object", properties: fixed }] };
}

export function success(kind: ResponseKind, description: string, data: JsonObject): JsonObject {
  return { description, content: { "application/json": { schema: envelopeOf(kind, data) } } };
}

export function errors(...kinds: ApiErrorKind[]): Record<string, JsonObject> {
  const all: ApiErrorKind[] = [...kinds, "unauthorized", "rateLimited", "notFound", "internal"];
  return Object.fromEntries(
    all.map((kind) => [
      String(RESPONSE_CODES[kind].status),
      { $ref: `#/components/responses/${kind}` },
    ]),
  );
}

export function jsonBody(schemaName: string): JsonObject {
  return {
    required: true,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${schemaName}` } } },
  };
}

/** Query parameters documented from the object schema that validates them. */
export function queryParameters(schema: {
  properties: Record<string, unknown>;
  required?: string[];
}): JsonObject[] {
  const required = new Set<string>(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: property,
  }));
}
