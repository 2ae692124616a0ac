import { bodyEncodingOf, findHeader } from "../body/body-encoding.ts";
import { encodeBody } from "../body/encode-body.ts";
import { encrypt, plaintextOf } from "../crypto/index.ts";
import type { CallbackProfileSpec, JsonValue } from "../profile/profile.ts";
import { isMarkupBody } from "../replacers/placeholders.ts";
import {
  escapeUrlComponent,
  escapeXml,
  noEscape,
  renderJsonTemplate,
  renderText,
} from "../replacers/render-template.ts";
import { isPathWithin } from "../replacers/variable-path.ts";
import { type ValueTransform, VariableResolver } from "../replacers/variable-resolver.ts";
import { webhookHeaders } from "../signing/index.ts";

/** The parts of a profile needed to render its request. */
export type RenderableProfile = Pick<
  CallbackProfileSpec,
  "http_method" | "url" | "headers" | "body" | "body_type" | "enc" | "dynamic_variables"
>;

export interface CallbackEvent {
  event: string;
  /** Event data the variables are read from. */
  data: unknown;
}

export interface BuildCallbackRequestOptions {
  /** Random source for random IVs and multipart boundaries; default: the platform's CSPRNG. */
  randomBytes?: (length: number) => Uint8Array;
  /** Standard Webhooks signing; omitted = unsigned (previews). */
  signing?: { id: string; timestampSeconds: number; secrets: readonly string[] };
  userAgent?: string;
}

export interface CallbackRequest {
  method: CallbackProfileSpec["http_method"];
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** Variables the templates use that the event data lacks (rendered as "" or null). */
  missingVariables: string[];
}

export type RenderErrorCode = "invalid-url" | "invalid-header" | "encryption-failed";
export interface RenderError {
  code: RenderErrorCode;
  message: string;
}

export type BuildCallbackRequestResult =
  | { ok: true; request: CallbackRequest }
  | { ok: false; error: RenderError; missingVariables: string[] };

export const DEFAULT_USER_AGENT = "Rebound-Webhooks/0.1";

class RenderFailure extends Error {
  constructor(readonly error: RenderError) {
    super(error.message);
  }
}

const defaultRandomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/**
 * Renders one callback: URL, headers and body bytes from the profile's templates and the event
 * data, with chosen variables encrypted and the Standard Webhooks signature added. The dispatcher,
 * the API's test endpoint and previews all call this, so what is previewed is what is sent.
 *
 * @example
 * const result = buildCallbackRequest(profile, { event: "SMS-sent", data: { phone: "+91…" } });
 * if (result.ok) await fetch(result.request.url, { method: result.request.method, … });
 */
export function buildCallbackRequest(
  profile: RenderableProfile,
  event: CallbackEvent,
  options: BuildCallbackRequestOptions = {},
): BuildCallbackRequestResult {
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const resolver = new VariableResolver({
    sources: [event.data],
    transform: encryptionTransform(profile, randomBytes),
  });
  try {
    const url = renderUrl(profile.url, resolver);
    const headers = renderHeaders(profile.headers, resolver);
    const body = renderBody(profile, resolver, headers, randomBytes);
    if (findHeader(headers, "user-agent") === null) {
      headers["user-agent"] = options.userAgent ?? DEFAULT_USER_AGENT;
    }
    if (options.signing) {
      Object.assign(headers, webhookHeaders({ ...options.signing, body: body ?? "" }));
    }
    return {
      ok: true,
      request: {
        method: profile.http_method,
        url,
        headers,
        body,
        missingVariables: resolver.missing,
      },
    };
  } catch (error) {
    if (error instanceof RenderFailure) {
      return { ok: false, error: error.error, missingVariables: resolver.missing };
    }
    throw error;
  }
}

function encryptionTransform(
  profile: RenderableProfile,
  randomBytes: (length: number) => Uint8Array,
): ValueTransform | undefined {
  const enc = profile.enc;
  if (!enc) return undefined;
  const settings = { algo: enc.algo, key: enc.key, iv: enc.IV, ivMode: enc.iv_mode };
  const params = enc.params;
  return (path: string, value: JsonValue): JsonValue => {
    if (params !== null && !params.some((param) => isPathWithin(path, param))) return value;
    try {
      return encrypt(plaintextOf(value), settings, { randomBytes });
    } catch (cause) {
      throw new RenderFailure({
        code: "encryption-failed",
        message: `could not encrypt <${path}>: ${cause instanceof Error ? cause.message : String(cause)}`,
      });
    }
  };
}

function renderUrl(template: string, resolver: VariableResolver): string {
  const rendered = renderText(template, resolver, { escape: escapeUrlComponent });
  let url: URL;
  try {
    url = new URL(rendered);
  } catch {
    throw new RenderFailure({
      code: "invalid-url",
      message: `rendered url is not valid: ${rendered}`,
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RenderFailure({ code: "invalid-url", message: `rendered url must be http or https` });
  }
  return url.href;
}

const FORBIDDEN_HEADER_CHARACTERS = /[\r\n\0]/;

function renderHeaders(
  templates: Readonly<Record<string, string>>,
  resolver: VariableResolver,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(templates)) {
    const value = renderText(template, resolver);
    if (FORBIDDEN_HEADER_CHARACTERS.test(value)) {
      // A value with a line break could smuggle extra headers or a second request: never send it.
      throw new RenderFailure({
        code: "invalid-header",
        message: `header ${name} would contain a CR, LF or NUL character after rendering`,
      });
    }
    headers[name] = value;
  }
  return headers;
}

function renderBody(
  profile: RenderableProfile,
  resolver: VariableResolver,
  headers: Record<string, string>,
  randomBytes: (length: number) => Uint8Array,
): Uint8Array | null {
  if (profile.body === null || profile.http_method === "GET" || profile.http_method === "DELETE") {
    return null;
  }
  const encoding = bodyEncodingOf(profile.body_type, headers);
  const rendered =
    typeof profile.body === "string" && isMarkupBody(profile.body_type)
      ? renderText(profile.body, resolver, {
          escape: profile.body_type === "text" ? noEscape : escapeXml,
          only: new Set(profile.dynamic_variables),
        })
      : renderJsonTemplate(profile.body, resolver);
  const contentTypeName =
    Object.keys(headers).find((name) => name.toLowerCase() === "content-type") ?? "content-type";
  const encoded = encodeBody({
    encoding,
    rendered,
    contentType: headers[contentTypeName] ?? null,
    randomBytes,
  });
  headers[contentTypeName] = encoded.contentType;
  return encoded.bytes;
}
