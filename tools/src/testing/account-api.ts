import type { AcceptedCallbackView, CallbackDetailView, ProfileView } from "@rebound/api";
import { type ApiResponse, callApi } from "./api-client.ts";
import { waitFor } from "./wait-for.ts";

export interface AccountCredentials {
  sid: string;
  apiKey: string;
}

/** The SID and API key of the demo account a first embedded start prints. */
export function firstStartCredentials(stdout: string): AccountCredentials {
  const sid = /^ {2}SID: +(\S+)$/m.exec(stdout)?.[1];
  const apiKey = /^ {2}API key: (\S+)$/m.exec(stdout)?.[1];
  if (sid === undefined || apiKey === undefined) {
    throw new Error(`no demo account in the first start's output:\n${stdout}`);
  }
  return { sid, apiKey };
}

/** One account's profile and callback routes on a running API; unexpected statuses throw. */
export interface AccountApi {
  /** `<api url>/v1/<sid>` */
  base: string;
  /** Creates a profile (expects 201) and returns its id. */
  createProfile(body: Record<string, unknown>): Promise<string>;
  profile(profileId: string): Promise<ProfileView>;
  patchProfile(profileId: string, patch: Record<string, unknown>): Promise<ApiResponse>;
  /** Triggers one event for the profile (expects 202). */
  trigger(profileId: string, data?: Record<string, unknown>): Promise<AcceptedCallbackView>;
  /** Triggers one event per item of `data` in one batch request (expects 202). */
  triggerBatch(profileId: string, data: Record<string, unknown>[]): Promise<AcceptedCallbackView[]>;
  callback(id: string): Promise<CallbackDetailView>;
  /** Polls the callback (at most 30 s) until `done` holds. */
  waitForCallback(
    id: string,
    done: (callback: CallbackDetailView) => boolean,
    what: string,
  ): Promise<CallbackDetailView>;
}

function expectStatus(response: ApiResponse, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${JSON.stringify(response)}`);
  }
}

export function accountApi(apiUrl: string, credentials: AccountCredentials): AccountApi {
  const base = `${apiUrl}/v1/${credentials.sid}`;
  const call = (path: string, init?: { method?: string; body?: unknown }) =>
    callApi(`${base}${path}`, credentials.apiKey, init);
  const callback = async (id: string) => {
    const response = await call(`/callbacks/${id}`);
    expectStatus(response, 200, `GET callback ${id}`);
    return response.body.data as unknown as CallbackDetailView;
  };
  return {
    base,
    async createProfile(body) {
      const response = await call("/callback/profiles", { method: "POST", body });
      expectStatus(response, 201, "create profile");
      return String(response.body.data.profile_id);
    },
    async profile(profileId) {
      const response = await call(`/callback/profiles/${profileId}`);
      expectStatus(response, 200, `GET profile ${profileId}`);
      return response.body.data as unknown as ProfileView;
    },
    patchProfile: (profileId, patch) =>
      call(`/callback/profiles/${profileId}`, { method: "PATCH", body: patch }),
    async trigger(profileId, data = {}) {
      const response = await call("/callbacks", {
        method: "POST",
        body: { profile_id: profileId, event: "test.event", data },
      });
      expectStatus(response, 202, "trigger");
      return response.body.data as unknown as AcceptedCallbackView;
    },
    async triggerBatch(profileId, data) {
      const events = data.map((item) => ({
        profile_id: profileId,
        event: "test.event",
        data: item,
      }));
      const response = await call("/callbacks", { method: "POST", body: { events } });
      expectStatus(response, 202, "trigger batch");
      return response.body.data as unknown as AcceptedCallbackView[];
    },
    callback,
    waitForCallback: (id, done, what) =>
      waitFor(async () => {
        const current = await callback(id);
        return done(current) && current;
      }, `callback ${id}: ${what}`),
  };
}
