// The API's variable path grammar: `name`, `address.city`, `parts[0]`.
const PLACEHOLDER = /<([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d{1,6}\])*)>/g;

/**
 * Variable paths of the `<placeholders>` in a text, first occurrence first.
 * @example findPlaceholders("<a><name></a>") // ["a", "name"]
 */
export function findPlaceholders(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match[1] !== undefined) found.add(match[1]);
  }
  return [...found];
}

/** `"a, b,,c "` → `["a", "b", "c"]`. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
