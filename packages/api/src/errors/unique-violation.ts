const UNIQUE_VIOLATION = "23505";
const MAX_CAUSE_DEPTH = 5;

/**
 * True when a database error (or one of its causes) is PostgreSQL's unique violation. postgres.js
 * puts `code` on the error, PGlite too, and drizzle wraps either in an error whose `cause` it is.
 */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth += 1) {
    if (typeof current !== "object" || current === null) return false;
    if ("code" in current && current.code === UNIQUE_VIOLATION) return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}
