/** What a redacted header value is replaced with. */
export const REDACTED = "[redacted]";

// Signatures are derived from the signing secret; the rest are names that usually carry one.
const SECRET_HEADER = /^webhook-signature$|authorization|api[-_]?key|token|secret|password|cookie/i;

/** A copy of request headers safe to store and show: secret-looking values replaced. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    redacted[name] = SECRET_HEADER.test(name) ? REDACTED : value;
  }
  return redacted;
}
