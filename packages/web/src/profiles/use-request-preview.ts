import { useEffect, useState } from "react";
import type { ApiClient } from "../api/api-client.ts";
import { ApiRequestError, errorMessage } from "../api/api-error.ts";
import type { ProfilePreview } from "../api/types.ts";
import { issueSentence } from "./profile-field-labels.ts";

export const PREVIEW_DEBOUNCE_MS = 400;

export type PreviewState =
  | { status: "idle" }
  | { status: "loading"; previous: ProfilePreview | null }
  | { status: "ready"; preview: ProfilePreview }
  | { status: "invalid"; messages: string[] };

export type PreviewInput =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; messages: string[] };

/**
 * Renders the request the form would send, through `POST /callback/profiles/preview`, once the
 * input has been still for `PREVIEW_DEBOUNCE_MS`; an answer to an outdated input is dropped.
 */
export function useRequestPreview(api: ApiClient, input: PreviewInput): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: "idle" });
  const key = JSON.stringify(input);

  useEffect(() => {
    const current: PreviewInput = JSON.parse(key);
    if (!current.ok) {
      setState({ status: "invalid", messages: current.messages });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({
      status: "loading",
      previous:
        previous.status === "ready"
          ? previous.preview
          : previous.status === "loading"
            ? previous.previous
            : null,
    }));
    const timer = setTimeout(() => {
      api.previewProfile(current.body, controller.signal).then(
        (preview) => setState({ status: "ready", preview }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const messages =
            error instanceof ApiRequestError && error.issues.length > 0
              ? error.issues.map(issueSentence)
              : [errorMessage(error)];
          setState({ status: "invalid", messages });
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key]);

  return state;
}
