const encoder = new TextEncoder();
// fatal: garbage from a wrong CFB key is reported instead of silently becoming U+FFFD;
// ignoreBOM: a plaintext that starts with U+FEFF must survive the round trip unchanged.
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of `text` (lone surrogates become U+FFFD, as in Node's "utf8" encoding). */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8, throwing a TypeError on malformed input. */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  return strictDecoder.decode(bytes);
}

/** Number of UTF-8 bytes `text` encodes to. */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
