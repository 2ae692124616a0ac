import type { SendErrorClass } from "./transport.ts";

/** A send failure whose class the transport already knows (SSRF refusal, DNS, timeout, TLS…). */
export class TransportError extends Error {
  override readonly name = "TransportError";
  constructor(
    readonly errorClass: SendErrorClass,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Socket error codes meaning no connection was established. */
const CONNECT_CODES = new Set([
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** OpenSSL certificate verification codes (Node reports them without an ERR_ prefix). */
const CERTIFICATE_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY|DECRYPT)|HOSTNAME_MISMATCH/;

/** The `code` a Node, Bun or undici error carries, or "". */
export function errorCode(error: Error): string {
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "";
}

export function isConnectErrorCode(code: string): boolean {
  return CONNECT_CODES.has(code);
}

export function isTlsErrorCode(code: string): boolean {
  return code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || CERTIFICATE_CODE.test(code);
}

/**
 * Maps anything undici or the socket reports to a send error class. Errors raised while connecting
 * are already `TransportError`s (see guarded-connector.ts); the rest are socket failures after the
 * connection was up, so they default to "network".
 */
export function classifySendError(error: unknown): { errorClass: SendErrorClass; message: string } {
  if (error instanceof TransportError) {
    return { errorClass: error.errorClass, message: error.message };
  }
  if (!(error instanceof Error)) return { errorClass: "network", message: String(error) };
  const code = errorCode(error);
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return { errorClass: "timeout", message: error.message };
  }
  if (isConnectErrorCode(code)) return { errorClass: "connect", message: error.message };
  if (isTlsErrorCode(code)) return { errorClass: "tls", message: error.message };
  return { errorClass: "network", message: error.message || code || error.name };
}
