import type { JsonValue } from "../profile/profile.ts";
import { type BodyEncoding, defaultContentType, mediaTypeOf } from "./body-encoding.ts";
import { encodeUrlencoded, flattenFormFields } from "./form-fields.ts";
import { encodeMultipart, multipartBoundary } from "./multipart.ts";

const encoder = new TextEncoder();

export interface EncodeBodyOptions {
  encoding: BodyEncoding;
  /** Rendered body: a JSON value for json/form encodings, text for xml/html/text. */
  rendered: JsonValue;
  /** The profile's own Content-Type header, if it set one. */
  contentType: string | null;
  /** Source of the multipart boundary. */
  randomBytes: (length: number) => Uint8Array;
}

export interface EncodedBody {
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Serialises a rendered body for the wire. The profile's Content-Type is kept, except that a
 * multipart body always gets the boundary it was written with.
 */
export function encodeBody(options: EncodeBodyOptions): EncodedBody {
  const { encoding, rendered } = options;
  const contentType = options.contentType ?? defaultContentType(encoding);
  switch (encoding) {
    case "json":
      return { contentType, bytes: encoder.encode(JSON.stringify(rendered)) };
    case "urlencoded":
      return { contentType, bytes: encoder.encode(encodeUrlencoded(flattenFormFields(rendered))) };
    case "multipart": {
      const boundary = multipartBoundary(options.randomBytes);
      const media = options.contentType === null ? contentType : mediaTypeOf(contentType);
      return {
        contentType: `${media}; boundary=${boundary}`,
        bytes: encodeMultipart(flattenFormFields(rendered), boundary),
      };
    }
    case "xml":
    case "html":
    case "text":
      return { contentType, bytes: encoder.encode(typeof rendered === "string" ? rendered : "") };
    default: {
      const unreachable: never = encoding;
      throw new Error(`unknown body encoding ${String(unreachable)}`);
    }
  }
}
