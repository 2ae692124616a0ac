import { createContext, useContext } from "react";
import type { ApiClient } from "../api/api-client.ts";
import type { AccountView } from "../api/types.ts";

export interface ConsoleContextValue {
  api: ApiClient;
  account: AccountView;
  /** Shows a success message on the page at `pathname` (now or after navigating there). */
  flash(message: string, pathname: string): void;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

/** The signed-in console: API client, account and flash messages. */
export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (value === null) throw new Error("useConsole outside a signed-in console");
  return value;
}
