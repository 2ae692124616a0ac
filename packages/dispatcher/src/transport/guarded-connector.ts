import type { AddressResolver } from "./address-resolver.ts";
import type { TargetPlan } from "./target-plan.ts";
import { errorCode, isConnectErrorCode, TransportError } from "./transport-error.ts";
import type { buildConnector } from "./undici.ts";

type Connector = buildConnector.connector;

/**
 * Wraps undici's connector so every socket goes to an address that passed the SSRF check: the
 * plan's checked IP, or a checked address of the resolved hostname. Only `hostname` (what the
 * socket connects to) is replaced; `host` keeps the name, so TLS SNI and certificate checks and
 * the Host header still use it. Connect failures become "connect" or, on https, "tls" errors.
 */
export function guardedConnector(
  plan: Exclude<TargetPlan, { kind: "refuse" }>,
  resolver: AddressResolver,
  connect: Connector,
): Connector {
  return (options, callback) => {
    const onConnected: buildConnector.Callback = (...args) => {
      const [error] = args;
      if (error === null) callback(...args);
      else callback(connectFailure(error, options.protocol), null);
    };
    if (plan.kind === "connect") {
      connect({ ...options, hostname: plan.address }, onConnected);
      return;
    }
    resolver.resolve(plan.hostname).then(
      (address) => connect({ ...options, hostname: address }, onConnected),
      (error: unknown) => callback(asError(error), null),
    );
  };
}

function connectFailure(error: Error, protocol: string): TransportError {
  const code = errorCode(error);
  const tls = protocol === "https:" && !isConnectErrorCode(code) && code !== "ECONNRESET";
  return new TransportError(tls ? "tls" : "connect", error.message || code, { cause: error });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
