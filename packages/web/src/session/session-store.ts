import type { ApiSession } from "../api/api-client.ts";

const STORAGE_KEY = "rebound.console.session";

/** The session kept for this browser tab (sessionStorage): gone when the tab closes. */
export function readSession(storage: Storage = sessionStorage): ApiSession | null {
  const text = storage.getItem(STORAGE_KEY);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const { sid, apiKey } = value as Record<string, unknown>;
    if (typeof sid !== "string" || typeof apiKey !== "string" || sid === "" || apiKey === "") {
      return null;
    }
    return { sid, apiKey };
  } catch {
    return null;
  }
}

export function writeSession(session: ApiSession, storage: Storage = sessionStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}
