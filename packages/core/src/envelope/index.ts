export type { Envelope, EnvelopeErrorItem, IssueLocation, ValidationIssue } from "./envelope.ts";
export { errorEnvelope, successEnvelope, toEnvelopeErrors } from "./envelope.ts";
export type { ResponseKind } from "./response-codes.ts";
export { RESPONSE_CODES } from "./response-codes.ts";
