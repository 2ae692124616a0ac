export type { Envelope, IssueLocation, ValidationIssue } from "./envelope.ts";
export { errorEnvelope, successEnvelope } from "./envelope.ts";
export type { ResponseKind } from "./response-codes.ts";
export { RESPONSE_CODES } from "./response-codes.ts";
