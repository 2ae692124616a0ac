import type { AuthenticatedKey } from "./accounts/index.ts";

/** Hono environment of the API: the authenticated key is set by the auth middleware. */
export interface AppEnv {
  Variables: {
    auth: AuthenticatedKey;
  };
}
