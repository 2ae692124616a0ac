export type { LookupFunction } from "./address-resolver.ts";
export type { HttpTransportOptions } from "./http-transport.ts";
export { createHttpTransport } from "./http-transport.ts";
export type {
  SendErrorClass,
  SendResult,
  Transport,
  TransportCloseOptions,
} from "./transport.ts";
