import type { BodyType, JsonValue } from "../profile/profile.ts";
import { VARIABLE_PATH_SOURCE } from "./variable-path.ts";

/** Matches `<path>` placeholders; the capture is the variable path. Always use with a fresh lastIndex. */
export const PLACEHOLDER_PATTERN = new RegExp(`<(${VARIABLE_PATH_SOURCE})>`, "g");
const WHOLE_PLACEHOLDER = new RegExp(`^<(${VARIABLE_PATH_SOURCE})>$`);

/**
 * Lists the variable paths of the placeholders in a text, first occurrence first.
 *
 * @example findPlaceholders("Hi <name>, <name>!") // ["name"]
 */
export function findPlaceholders(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    if (match[1] !== undefined) found.add(match[1]);
  }
  return [...found];
}

/** The path of a string that is exactly one placeholder (typed whole-value substitution), else null. */
export function wholePlaceholderPath(text: string): string | null {
  // Most template strings are plain text; skip the regex for them.
  if (text.charCodeAt(0) !== 60 || text.charCodeAt(text.length - 1) !== 62) return null;
  return WHOLE_PLACEHOLDER.exec(text)?.[1] ?? null;
}

/** Markup bodies replace only declared variables, because `<tag>` and `<var>` look alike. */
export function isMarkupBody(bodyType: BodyType): boolean {
  return bodyType === "xml" || bodyType === "html" || bodyType === "text";
}

export interface TemplateParts {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: JsonValue;
  body_type: BodyType;
  response_message: string | null;
  /** Variables declared by the profile author (needed for xml/html/text bodies). */
  dynamic_variables: readonly string[];
}

export interface TemplateVariables {
  /** Each placeholder mapped to its variable path, e.g. `{"<phone>": "phone"}`. */
  replacers: Record<string, string>;
  /** Every variable the templates reference, plus declared ones, first occurrence first. */
  dynamicVariables: string[];
}

/**
 * Finds every variable a profile's templates reference: URL, header values, response message,
 * string values of a json/form body (keys are literal), and declared variables that occur in a
 * markup body.
 */
export function collectTemplateVariables(parts: TemplateParts): TemplateVariables {
  const paths = new Set<string>();
  const add = (text: string) => {
    for (const path of findPlaceholders(text)) paths.add(path);
  };
  add(parts.url);
  for (const value of Object.values(parts.headers)) add(value);
  if (typeof parts.body === "string") {
    if (isMarkupBody(parts.body_type)) {
      for (const path of parts.dynamic_variables)
        if (parts.body.includes(`<${path}>`)) paths.add(path);
    } else add(parts.body);
  } else visitStrings(parts.body, add);
  if (parts.response_message !== null) add(parts.response_message);

  const replacers: Record<string, string> = {};
  for (const path of paths) replacers[`<${path}>`] = path;
  for (const path of parts.dynamic_variables) paths.add(path);
  return { replacers, dynamicVariables: [...paths] };
}

function visitStrings(value: JsonValue, visit: (text: string) => void): void {
  if (typeof value === "string") visit(value);
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, visit);
  else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) visitStrings(item, visit);
  }
}
