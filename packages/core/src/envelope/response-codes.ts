/**
 * Every outcome the API can report, with its envelope code and HTTP status. `RBC024` and `RBC302`
 * come from the original API; the others follow the same pattern, so a client can branch on `code`.
 */
export const RESPONSE_CODES = {
  ok: { code: "RBC024", status: 200 },
  created: { code: "RBC024", status: 201 },
  accepted: { code: "RBC024", status: 202 },
  invalid: { code: "RBC302", status: 400 },
  notFound: { code: "RBC302", status: 404 },
  unauthorized: { code: "RBC401", status: 401 },
  forbidden: { code: "RBC403", status: 403 },
  conflict: { code: "RBC409", status: 409 },
  tooLarge: { code: "RBC413", status: 413 },
  unsupportedMediaType: { code: "RBC415", status: 415 },
  rateLimited: { code: "RBC429", status: 429 },
  internal: { code: "RBC500", status: 500 },
  unavailable: { code: "RBC503", status: 503 },
} as const satisfies Record<string, { code: string; status: number }>;

export type ResponseKind = keyof typeof RESPONSE_CODES;
