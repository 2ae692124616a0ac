/** RFC 5321 limits: 64 characters before the `@`, 254 in all (the longest usable path). */
export const MAX_EMAIL_LOCAL_LENGTH = 64;
export const MAX_EMAIL_LENGTH = 254;

// Dot-atoms only: quoted local parts, comments and IP literals are valid in RFC 5322 but are
// practically never a real mailbox and mostly appear in injection attempts.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** A top-level domain is letters (`com`, `museum`) or an IDN in punycode (`xn--p1ai`). */
const TOP_LEVEL_DOMAIN = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * True for an address a mail server will accept as a recipient: `local@domain.tld` with a dot-atom
 * local part, a domain of at least two DNS labels and RFC 5321 lengths. International addresses
 * are accepted with the domain in punycode (`user@xn--80ak6aa92e.com`).
 *
 * @example
 * isEmailAddress("ops.team+reports@example.co.uk") // true
 * isEmailAddress("ops@localhost") // false: no top-level domain
 */
export function isEmailAddress(text: string): boolean {
  if (text.length > MAX_EMAIL_LENGTH) return false;
  const at = text.lastIndexOf("@");
  if (at <= 0) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split(".");
  const topLevel = labels.at(-1) ?? "";
  return (
    local.length <= MAX_EMAIL_LOCAL_LENGTH &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_DOMAIN.test(topLevel)
  );
}

/**
 * The address in stored form: the domain in lower case (domains are case-insensitive), the local
 * part as given (it may be case-sensitive on the receiving server).
 */
export function normaliseEmailAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}
