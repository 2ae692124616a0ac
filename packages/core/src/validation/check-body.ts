import { findHeader, mediaTypeOf } from "../body/index.ts";
import type { BodyType, HttpMethod, JsonObject } from "../profile/profile.ts";
import { isMarkupBody } from "../replacers/index.ts";
import { issueAt, type ValidationIssue } from "./issues.ts";
import {
  asJsonObject,
  isPlainObject,
  jsonObjectProblem,
  parseJsonText,
  utf8Length,
} from "./json-text.ts";

export const MAX_BODY_BYTES = 65_536;
export const MAX_BODY_DEPTH = 32;

export interface BodyInput {
  http_method: HttpMethod;
  body: Record<string, unknown> | string | null | undefined;
  /** Lower case, as declared; `undefined` when the client did not say. */
  body_type: BodyType | undefined;
  headers: Readonly<Record<string, string>>;
}

export interface NormalisedBody {
  body: JsonObject | string | null;
  body_type: BodyType;
}

const FORM_MEDIA_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];

/**
 * Checks the body against the method, body_type and Content-Type header, parsing JSON strings
 * (the seed sends `"body": "<body>"` as a string). An object body with a form Content-Type is
 * stored as body_type form, so what is shown is what is sent.
 */
export function normaliseBody(input: BodyInput, issues: ValidationIssue[]): NormalisedBody {
  const media = mediaTypeOf(findHeader(input.headers, "content-type") ?? "");
  const declared = input.body_type;
  issues.push(...contentTypeIssues(declared, media));
  const bodyType = declared ?? "json";
  if (input.http_method === "GET" || input.http_method === "DELETE") {
    if (!isEmptyBody(input.body)) {
      issues.push(
        issueAt("body", ["body"], "must be null or absent when http_method is GET or DELETE"),
      );
    }
    return { body: null, body_type: bodyType };
  }
  if (input.body === undefined || input.body === null) {
    issues.push(
      issueAt("body", [], "must have required property 'body' when http_method is POST or PUT"),
    );
    return { body: null, body_type: bodyType };
  }
  if (isMarkupBody(bodyType)) {
    return { body: markupBody(input.body, bodyType, issues), body_type: bodyType };
  }
  const body = objectBody(input.body, declared, issues);
  const isForm = bodyType === "form" || FORM_MEDIA_TYPES.includes(media);
  return { body, body_type: isForm ? "form" : "json" };
}

function isEmptyBody(body: BodyInput["body"]): boolean {
  if (body === undefined || body === null || body === "") return true;
  return typeof body === "object" && Object.keys(body).length === 0;
}

function contentTypeIssues(declared: BodyType | undefined, media: string): ValidationIssue[] {
  const isFormMedia = FORM_MEDIA_TYPES.includes(media);
  const isMarkupMedia =
    media.startsWith("text/") || media === "application/xml" || media.endsWith("+xml");
  if (
    (declared === "form" && isMarkupMedia) ||
    (declared !== undefined && isMarkupBody(declared) && isFormMedia)
  ) {
    return [
      issueAt("body", ["body_type"], `is ${declared} but the Content-Type header is ${media}`),
    ];
  }
  return [];
}

function markupBody(
  body: Record<string, unknown> | string,
  bodyType: BodyType,
  issues: ValidationIssue[],
): string | null {
  if (typeof body !== "string") {
    issues.push(issueAt("body", ["body"], `must be string when body_type is ${bodyType}`));
    return null;
  }
  if (body.trim() === "") {
    issues.push(issueAt("body", ["body"], "must not be empty"));
    return null;
  }
  const sizeIssue = sizeProblem(body);
  if (sizeIssue !== undefined) issues.push(sizeIssue);
  return body;
}

function objectBody(
  body: Record<string, unknown> | string,
  declared: BodyType | undefined,
  issues: ValidationIssue[],
): JsonObject | null {
  const value = typeof body === "string" ? objectFromText(body, declared, issues) : body;
  if (value === null) return null;
  const problem = jsonObjectProblem(value, MAX_BODY_DEPTH);
  if (problem !== undefined) {
    issues.push(issueAt("body", ["body"], problem));
    return null;
  }
  const sizeIssue = sizeProblem(JSON.stringify(value));
  if (sizeIssue !== undefined) {
    issues.push(sizeIssue);
    return null;
  }
  return asJsonObject(value);
}

function objectFromText(
  text: string,
  declared: BodyType | undefined,
  issues: ValidationIssue[],
): Record<string, unknown> | null {
  const sizeIssue = sizeProblem(text);
  if (sizeIssue !== undefined) {
    issues.push(sizeIssue);
    return null;
  }
  const parsed = text.trim() === "" ? undefined : parseJsonText(text);
  if (isPlainObject(parsed)) return parsed;
  const message =
    text.trim() === ""
      ? "must not be empty"
      : declared === undefined
        ? "is not a JSON object; set body_type to xml, html or text to send other content"
        : `must be a JSON object, or a string holding one, when body_type is ${declared}`;
  issues.push(issueAt("body", ["body"], message));
  return null;
}

function sizeProblem(serialized: string): ValidationIssue | undefined {
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes: skip encoding small bodies.
  if (serialized.length * 3 <= MAX_BODY_BYTES) return undefined;
  const bytes = utf8Length(serialized);
  if (bytes <= MAX_BODY_BYTES) return undefined;
  return issueAt(
    "body",
    ["body"],
    `must not be larger than ${MAX_BODY_BYTES} bytes (got ${bytes})`,
  );
}
