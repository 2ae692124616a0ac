import { type FormEvent, useState } from "react";
import { type ApiSession, createApiClient } from "../api/api-client.ts";
import { ApiRequestError, errorMessage } from "../api/api-error.ts";
import type { AccountView } from "../api/types.ts";
import { controlProps, Field } from "../components/field.tsx";
import { ErrorSummary } from "../components/messages.tsx";

export interface SignInPageProps {
  /** Why the user is here again, e.g. an API key the API stopped accepting. */
  reason: string | null;
  onSignedIn(session: ApiSession, account: AccountView): void;
}

function failureText(error: unknown): string {
  if (error instanceof ApiRequestError && (error.status === 401 || error.status === 404)) {
    return "The account SID and API key were not accepted. Check both and try again.";
  }
  return errorMessage(error);
}

/** Asks once for the account SID and API key, checks them against the API, keeps them for the tab. */
export function SignInPage({ reason, onSignedIn }: SignInPageProps) {
  const [sid, setSid] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const session = { sid: sid.trim(), apiKey: apiKey.trim() };
    if (session.sid === "" || session.apiKey === "") {
      setFailure("Enter both the account SID and the API key.");
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const account = await createApiClient({ session }).getAccount();
      onSignedIn(session, account);
    } catch (error) {
      setFailure(failureText(error));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Rebound</h1>
      <p>
        Enter your account SID and an API key. They are kept in this browser tab only (session
        storage) and sent as the <code>api-key</code> header.
      </p>
      {reason ? <p className="notice warning">{reason}</p> : null}
      <ErrorSummary title="Could not sign in" messages={failure ? [failure] : []} />
      <form onSubmit={submit} noValidate>
        <Field id="sign-in-sid" label="Account SID" required>
          <input
            {...controlProps("sign-in-sid", { required: true })}
            name="sid"
            autoComplete="username"
            spellCheck={false}
            value={sid}
            onChange={(event) => setSid(event.currentTarget.value)}
          />
        </Field>
        <Field id="sign-in-api-key" label="API key" required>
          <input
            {...controlProps("sign-in-api-key", { required: true })}
            name="api-key"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={apiKey}
            onChange={(event) => setApiKey(event.currentTarget.value)}
          />
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
