import type { JsonValue } from "../profile/profile.ts";
import { PLACEHOLDER_PATTERN, wholePlaceholderPath } from "./placeholders.ts";
import type { VariableResolver } from "./variable-resolver.ts";

/** How a substituted value is escaped for where it lands. */
export type Escape = (text: string) => string;

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

export const escapeXml: Escape = (text) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
export const escapeUrlComponent: Escape = encodeURIComponent;
export const noEscape: Escape = (text) => text;

/** The text form of a value inside a longer string: missing and null render as "". */
export function textOf(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export interface RenderTextOptions {
  escape?: Escape;
  /** Replace only these paths (markup bodies); others stay literal. */
  only?: ReadonlySet<string>;
}

/**
 * Interpolates placeholders in a text; each value is escaped for its destination.
 *
 * @example renderText("/users/<id>", resolver, { escape: escapeUrlComponent })
 */
export function renderText(
  template: string,
  resolver: VariableResolver,
  options: RenderTextOptions = {},
): string {
  if (!template.includes("<")) return template;
  const escapeValue = options.escape ?? noEscape;
  return template.replace(PLACEHOLDER_PATTERN, (whole, path: string) => {
    if (options.only && !options.only.has(path)) return whole;
    const resolved = resolver.resolve(path);
    return escapeValue(textOf(resolved.found ? resolved.value : undefined));
  });
}

/**
 * Renders a JSON template: a string that is exactly one placeholder takes the variable's value
 * with its type (missing becomes null); placeholders in longer strings are interpolated as text;
 * object keys are literal.
 */
export function renderJsonTemplate(template: JsonValue, resolver: VariableResolver): JsonValue {
  if (typeof template === "string") {
    const path = wholePlaceholderPath(template);
    if (path === null) return renderText(template, resolver);
    const resolved = resolver.resolve(path);
    return resolved.found ? resolved.value : null;
  }
  if (Array.isArray(template)) return template.map((item) => renderJsonTemplate(item, resolver));
  if (template !== null && typeof template === "object") {
    const rendered: Record<string, JsonValue> = {};
    for (const key of Object.keys(template)) {
      const value = renderJsonTemplate(template[key] as JsonValue, resolver);
      // Defined, not assigned, so a literal "__proto__" key stays a plain own key.
      if (key === "__proto__") {
        Object.defineProperty(rendered, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else rendered[key] = value;
    }
    return rendered;
  }
  return template;
}
