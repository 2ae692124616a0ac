const INTEGER_TEXT = /^-?\d{1,15}$/;

/**
 * A query (from `c.req.queries()`: every name maps to its values) as an object to validate: a
 * repeated name stays a list (so the schema refuses it), `integerFields` are read as numbers when
 * they are integer text, everything else stays a string.
 */
export function queryObject(
  queries: Record<string, string[]>,
  integerFields: ReadonlySet<string>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(queries).map(([name, values]) => {
      if (values.length !== 1) return [name, values];
      const [value = ""] = values;
      return [name, integerFields.has(name) && INTEGER_TEXT.test(value) ? Number(value) : value];
    }),
  );
}
