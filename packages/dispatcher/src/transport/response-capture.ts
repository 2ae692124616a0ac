import type { SendErrorClass, SendResult } from "./transport.ts";
import { classifySendError, TransportError } from "./transport-error.ts";
import type { Dispatcher } from "./undici.ts";

export interface CaptureLimits {
  /** Bytes of the body kept in the result. */
  maxBodyBytes: number;
  /** Bytes read past which the connection is dropped instead of drained for reuse. */
  maxDrainBytes: number;
  /** Deadline for the whole exchange, body included. */
  totalTimeoutMs: number;
}

type Controller = Dispatcher.DispatchController;
type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * An undici dispatch handler that turns one exchange into a `SendResult`: status, headers and the
 * first bytes of the body. The rest of the body is read and discarded so the keep-alive connection
 * can be reused, up to `maxDrainBytes`. It settles exactly once: on the response end, an error, or
 * the total timeout (which then aborts the request).
 */
export class ResponseCapture implements Dispatcher.DispatchHandler {
  readonly #startMs: number;
  readonly #limits: CaptureLimits;
  readonly #resolve: (result: SendResult) => void;
  readonly #timer: NodeJS.Timeout;
  #controller: Controller | null = null;
  #settled = false;
  #statusCode = 0;
  #headers: Record<string, string> = {};
  #firstPart: Buffer | null = null;
  #moreParts: Buffer[] | null = null;
  #capturedBytes = 0;
  #receivedBytes = 0;
  #endMs: number | null = null;

  constructor(startMs: number, limits: CaptureLimits, resolve: (result: SendResult) => void) {
    this.#startMs = startMs;
    this.#limits = limits;
    this.#resolve = resolve;
    this.#timer = setTimeout(onTotalTimeout, limits.totalTimeoutMs, this);
  }

  onRequestStart(controller: Controller): void {
    this.#controller = controller;
    // Timed out while queued for a connection: drop it rather than send it late.
    if (this.#settled) controller.abort(this.#timeoutError());
  }

  onResponseStart(_controller: Controller, statusCode: number, headers: ResponseHeaders): void {
    if (statusCode < 200) return; // 1xx informational; the final response follows.
    this.#statusCode = statusCode;
    this.#headers = joinHeaders(headers);
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.#settled) return;
    this.#receivedBytes += chunk.length;
    const room = this.#limits.maxBodyBytes - this.#capturedBytes;
    if (room > 0) this.#keep(room >= chunk.length ? chunk : chunk.subarray(0, room));
    if (this.#receivedBytes > this.#limits.maxDrainBytes) {
      // Too much to drain: keep the response, drop the connection.
      this.#endResponse();
      controller.abort(new TransportError("network", "response body exceeds the drain limit"));
    }
  }

  onResponseEnd(): void {
    if (!this.#settled) this.#endResponse();
  }

  onResponseError(_controller: Controller | undefined, error: Error): void {
    if (this.#settled) return;
    const { errorClass, message } = classifySendError(error);
    this.#settleError(errorClass, message);
  }

  /**
   * undici hands a keep-alive socket back to its pool one event-loop turn after the response
   * (setImmediate, against servers that close despite keep-alive), and replaces a dropped one in
   * the same way. Resolving after that turn lets the caller's next send reuse the connection
   * instead of opening another one.
   */
  #endResponse(): void {
    this.#settled = true;
    this.#endMs = performance.now();
    clearTimeout(this.#timer);
    process.nextTick(afterSocketRelease, this);
  }

  /** Resolves a response that ended; see `#endResponse`. */
  resolveEnded(): void {
    this.#settleResponse();
  }

  /** Called by the total-timeout timer. */
  timeOut(): void {
    if (this.#settled) return;
    const error = this.#timeoutError();
    this.#settleError("timeout", error.message);
    this.#controller?.abort(error);
  }

  #timeoutError(): TransportError {
    return new TransportError(
      "timeout",
      `no complete response within ${this.#limits.totalTimeoutMs} ms`,
    );
  }

  #keep(part: Buffer): void {
    this.#capturedBytes += part.length;
    if (this.#firstPart === null) this.#firstPart = part;
    else if (this.#moreParts === null) this.#moreParts = [part];
    else this.#moreParts.push(part);
  }

  #settleResponse(): void {
    this.#settle({
      kind: "response",
      statusCode: this.#statusCode,
      headers: this.#headers,
      body: this.#body(),
      durationMs: this.#elapsedMs(),
    });
  }

  #settleError(errorClass: SendErrorClass, message: string): void {
    this.#settle({ kind: "error", errorClass, message, durationMs: this.#elapsedMs() });
  }

  #settle(result: SendResult): void {
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#firstPart = null;
    this.#moreParts = null;
    this.#resolve(result);
  }

  #body(): string {
    const first = this.#firstPart;
    if (first === null) return "";
    const bytes = this.#moreParts === null ? first : Buffer.concat([first, ...this.#moreParts]);
    const truncated = this.#receivedBytes > this.#capturedBytes;
    return bytes.toString("utf8", 0, truncated ? completeUtf8Length(bytes) : bytes.length);
  }

  #elapsedMs(): number {
    return Math.round((this.#endMs ?? performance.now()) - this.#startMs);
  }
}

function onTotalTimeout(capture: ResponseCapture): void {
  capture.timeOut();
}

function afterSocketRelease(capture: ResponseCapture): void {
  // From a tick callback, this immediate runs after the one undici queued in the same turn.
  setImmediate(resolveEnded, capture);
}

function resolveEnded(capture: ResponseCapture): void {
  capture.resolveEnded();
}

function joinHeaders(headers: ResponseHeaders): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) joined[name] = typeof value === "string" ? value : value.join(", ");
  }
  return joined;
}

/** Length of `bytes` without a UTF-8 sequence cut off at the end by truncation. */
export function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let index = end - 1; index >= Math.max(0, end - 4); index--) {
    const byte = bytes[index] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte; its lead byte is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return end - index >= length ? end : index;
  }
  return end;
}
