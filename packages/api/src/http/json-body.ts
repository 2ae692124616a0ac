import type { HonoRequest } from "hono";
import { apiError, invalidJson } from "../errors/api-error.ts";

/**
 * Reads a JSON request body safely: the Content-Type must be `application/json` (415), the
 * declared and the actual size must not exceed `maxBytes` (413; the stream is cancelled as soon
 * as it does, never read unbounded), and the text must be valid UTF-8 JSON (400).
 */
export async function readJsonBody(request: HonoRequest, maxBytes: number): Promise<unknown> {
  const mediaType = (request.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw apiError("unsupportedMediaType", "headers", "Content-Type must be application/json");
  }
  const declared = Number(request.header("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readLimited(request.raw.body, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidJson();
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidJson();
  }
}

function tooLarge(maxBytes: number) {
  return apiError("tooLarge", "body", `body must not be larger than ${maxBytes} bytes`);
}

async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
