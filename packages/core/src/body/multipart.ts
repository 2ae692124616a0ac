import type { FormField } from "./form-fields.ts";

const encoder = new TextEncoder();

/** Field names are quoted; the HTML standard escapes quote and line breaks as percent codes. */
function quoteName(name: string): string {
  return name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A boundary from 16 random bytes, long enough never to occur in the content by chance. */
export function multipartBoundary(randomBytes: (length: number) => Uint8Array): string {
  const hex = Array.from(randomBytes(16), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `----rebound-${hex}`;
}

/** `multipart/form-data` body (RFC 7578) of text fields, as bytes. */
export function encodeMultipart(fields: readonly FormField[], boundary: string): Uint8Array {
  let text = "";
  for (const [name, value] of fields) {
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${quoteName(name)}"\r\n\r\n${value}\r\n`;
  }
  text += `--${boundary}--\r\n`;
  return encoder.encode(text);
}
