import { describe, expect, it } from "vitest";
import { classifySendError, TransportError } from "./transport-error.ts";

function coded(code: string, message = `failed: ${code}`): Error {
  return Object.assign(new Error(message), { code });
}

describe("classifySendError", () => {
  it.each([
    [new TransportError("ssrf", "refused"), "ssrf"],
    [new TransportError("dns", "not found"), "dns"],
    [coded("ECONNREFUSED"), "connect"],
    [coded("UND_ERR_CONNECT_TIMEOUT"), "connect"],
    [coded("EHOSTUNREACH"), "connect"],
    [coded("UND_ERR_HEADERS_TIMEOUT"), "timeout"],
    [coded("UND_ERR_BODY_TIMEOUT"), "timeout"],
    [coded("ERR_SSL_WRONG_VERSION_NUMBER"), "tls"],
    [coded("ERR_TLS_CERT_ALTNAME_INVALID"), "tls"],
    [coded("DEPTH_ZERO_SELF_SIGNED_CERT"), "tls"],
    [coded("CERT_HAS_EXPIRED"), "tls"],
    [coded("UNABLE_TO_VERIFY_LEAF_SIGNATURE"), "tls"],
    [coded("ECONNRESET"), "network"],
    [coded("UND_ERR_SOCKET"), "network"],
    [new Error("something else"), "network"],
  ])("classifies %s as %s", (error, errorClass) => {
    expect(classifySendError(error).errorClass).toBe(errorClass);
  });

  it("keeps the message", () => {
    expect(classifySendError(coded("ECONNRESET", "read ECONNRESET"))).toEqual({
      errorClass: "network",
      message: "read ECONNRESET",
    });
  });

  it("classifies a thrown non-error as network", () => {
    expect(classifySendError("boom")).toEqual({ errorClass: "network", message: "boom" });
  });
});
