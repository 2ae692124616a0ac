// Canonical padded standard base64 only: Buffer's decoder silently skips bad characters, which
// would turn a corrupted value into a confusing "too short" or tag error instead of a clear one.
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard padded base64 of `bytes`, without copying them. */
export function bytesToBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** Decodes standard padded base64; `undefined` when `text` is not exactly that. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (!STANDARD_BASE64.test(text)) return undefined;
  return Buffer.from(text, "base64");
}
