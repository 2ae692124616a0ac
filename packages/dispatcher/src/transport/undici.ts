// The one module that imports undici. Under Bun, the bare specifier "undici" resolves to Bun's
// built-in stub (its Pool.request silently returns undefined), so the real package is imported by
// its file path. Every other transport module imports undici from here.
export type { Dispatcher } from "undici/index.js";
export { buildConnector, Pool } from "undici/index.js";
