import { ApiRequestError } from "./api-error.ts";
import type {
  AccountView,
  CallbackDetail,
  CallbackList,
  CallbackView,
  CreatedProfile,
  ProfileList,
  ProfilePreview,
  ProfileView,
  ReportSettings,
  SigningSecretView,
  TestCallbackView,
  UpdatedProfile,
} from "./types.ts";

/** Who the console acts as: the account SID and one of its API keys. */
export interface ApiSession {
  sid: string;
  apiKey: string;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  session: ApiSession;
  /** Origin of the API; `""` = the page's own (the console is served by the API process). */
  baseUrl?: string;
  fetch?: FetchLike;
}

export type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** `?a=1&b=x`, leaving out undefined and empty values; `""` when nothing is left. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === "") continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

async function readEnvelope(response: Response): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw new ApiRequestError(
      response.status,
      "bad-response",
      `The API answered ${response.status} without a JSON envelope`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiRequestError(response.status, "bad-response", "The API answered an unknown shape");
  }
  return parsed as Record<string, unknown>;
}

/**
 * A typed client of the Rebound API: sends the `api-key` header, reads the envelope
 * `{code, message, data, error, status}` and returns `data`, or throws `ApiRequestError` with
 * the envelope's issues (for inline field errors).
 */
export function createApiClient(options: ApiClientOptions) {
  const { session } = options;
  const baseUrl = options.baseUrl ?? "";
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const url = `${baseUrl}/v1/${encodeURIComponent(session.sid)}${path}${queryString(opts.query)}`;
    const headers: Record<string, string> = { "api-key": session.apiKey };
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
      throw new ApiRequestError(0, "network", "Could not reach the Rebound API. Is it running?");
    }
    const envelope = await readEnvelope(response);
    if (!response.ok) throw ApiRequestError.fromEnvelope(response.status, envelope);
    return envelope.data as T;
  }

  const profile = (id: string) => `/callback/profiles/${encodeURIComponent(id)}`;

  return {
    session,
    getAccount: () => request<AccountView>("GET", "/account"),
    listProfiles: (query: Query) => request<ProfileList>("GET", "/callback/profiles", { query }),
    getProfile: (id: string) => request<ProfileView>("GET", profile(id)),
    createProfile: (body: unknown) =>
      request<CreatedProfile>("POST", "/callback/profiles", { body }),
    updateProfile: (id: string, body: unknown) =>
      request<UpdatedProfile>("PATCH", profile(id), { body }),
    deleteProfile: (id: string) => request<{ profileId: string }>("DELETE", profile(id)),
    testProfile: (id: string) => request<TestCallbackView>("POST", `${profile(id)}/test`),
    getSigningSecret: (id: string) => request<SigningSecretView>("GET", `${profile(id)}/secret`),
    previewProfile: (body: unknown, signal?: AbortSignal) =>
      request<ProfilePreview>("POST", "/callback/profiles/preview", { body, signal }),
    listCallbacks: (query: Query) => request<CallbackList>("GET", "/callbacks", { query }),
    getCallback: (id: string) =>
      request<CallbackDetail>("GET", `/callbacks/${encodeURIComponent(id)}`),
    retryCallback: (id: string) =>
      request<CallbackView>("POST", `/callbacks/${encodeURIComponent(id)}/retry`),
    getReportSettings: () => request<ReportSettings>("GET", "/settings/callback-report"),
    saveReportSettings: (settings: ReportSettings) =>
      request<ReportSettings>("PUT", "/settings/callback-report", { body: settings }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
