import type { BodyType } from "../profile/profile.ts";

/** The wire format a rendered body is sent in. */
export type BodyEncoding = "json" | "xml" | "html" | "text" | "urlencoded" | "multipart";

const DEFAULT_CONTENT_TYPES: Readonly<Record<BodyEncoding, string>> = {
  json: "application/json",
  xml: "application/xml; charset=utf-8",
  html: "text/html; charset=utf-8",
  text: "text/plain; charset=utf-8",
  urlencoded: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
};

/** Media type of a Content-Type value, lower case, without parameters. */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

/** Finds a header value by case-insensitive name. */
export function findHeader(headers: Readonly<Record<string, string>>, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === wanted) return value;
  return null;
}

/**
 * Chooses the wire format: an object body whose Content-Type header is multipart/form-data or
 * application/x-www-form-urlencoded is sent as form fields (the UI seed's rule), whatever body_type says.
 */
export function bodyEncodingOf(
  bodyType: BodyType,
  headers: Readonly<Record<string, string>>,
): BodyEncoding {
  const contentType = findHeader(headers, "content-type");
  const media = contentType === null ? "" : mediaTypeOf(contentType);
  if (bodyType === "json" || bodyType === "form") {
    if (media === "multipart/form-data") return "multipart";
    if (media === "application/x-www-form-urlencoded") return "urlencoded";
    return bodyType === "form" ? "urlencoded" : "json";
  }
  return bodyType;
}

/** Content-Type sent when the profile sets none. */
export function defaultContentType(encoding: BodyEncoding): string {
  return DEFAULT_CONTENT_TYPES[encoding];
}
