import { useState } from "react";
import { errorMessage } from "../api/api-error.ts";
import type { ProfileView, SigningSecretView, TestCallbackView } from "../api/types.ts";
import { CopyButton } from "../components/copy-button.tsx";
import { formatDateTime, profileStatusLabel } from "../components/format.ts";
import { ErrorSummary } from "../components/messages.tsx";
import { useLoad } from "../components/use-load.ts";
import { Link, navigate } from "../routing/router.tsx";
import { paths } from "../routing/routes.ts";
import { useConsole } from "../session/console-context.tsx";
import { DeleteProfileDialog } from "./delete-profile-dialog.tsx";
import { updateRequestBody, valuesFromProfile } from "./profile-form-values.ts";
import { ProfileFormWithPreview } from "./profile-form-with-preview.tsx";
import { TestCallbackResult } from "./test-callback-result.tsx";
import { useProfileForm } from "./use-profile-form.ts";

function ProfileEditor({ initial }: { initial: ProfileView }) {
  const { api, flash } = useConsole();
  const [stored, setStored] = useState(initial);
  const form = useProfileForm(valuesFromProfile(initial));
  const [warnings, setWarnings] = useState<string[]>([]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyAction, setBusyAction] = useState<"test" | "enable" | "secret" | null>(null);
  const [testResult, setTestResult] = useState<TestCallbackView | null>(null);
  const [secret, setSecret] = useState<SigningSecretView | null>(null);
  const [deleting, setDeleting] = useState(false);
  const id = stored.profile_id;
  const here = paths.profile(id);
  const unsaved =
    JSON.stringify(updateRequestBody(form.values, stored)) !==
    JSON.stringify(updateRequestBody(valuesFromProfile(stored), stored));

  async function action<T>(name: "test" | "enable" | "secret", run: () => Promise<T>) {
    setBusyAction(name);
    setActionError(null);
    try {
      return await run();
    } catch (error) {
      setActionError(errorMessage(error));
      return null;
    } finally {
      setBusyAction(null);
    }
  }

  async function reEnable() {
    const updated = await action("enable", () => api.updateProfile(id, { status: 1 }));
    if (updated === null) return;
    setStored(updated);
    form.change({ status: updated.status });
    flash("Profile re-enabled", here);
  }

  return (
    <section aria-labelledby="edit-heading">
      <div className="page-title">
        <h1 id="edit-heading" tabIndex={-1}>
          {stored.title}
        </h1>
        <span className={`status status-${stored.status}`}>
          {profileStatusLabel(stored.status)}
        </span>
      </div>
      <dl className="facts">
        <dt>Profile ID</dt>
        <dd>
          <code>{id}</code> <CopyButton value={id} label="Copy profile ID" />
        </dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={stored.created_at}>{formatDateTime(stored.created_at)}</time>
        </dd>
        <dt>Modified</dt>
        <dd>
          <time dateTime={stored.modified_at}>{formatDateTime(stored.modified_at)}</time>
        </dd>
      </dl>
      {stored.status === 2 ? (
        <div className="notice warning" role="note">
          <p>
            Rebound disabled this profile
            {stored.disabled_at ? ` on ${formatDateTime(stored.disabled_at)}` : ""}:{" "}
            {stored.disabled_reason ?? "its callbacks kept failing"}. Its pending callbacks are
            held.
          </p>
          <button
            type="button"
            className="button"
            disabled={busyAction !== null}
            onClick={reEnable}
          >
            {busyAction === "enable" ? "Re-enabling…" : "Re-enable profile"}
          </button>
        </div>
      ) : null}
      <div className="toolbar">
        <button
          type="button"
          className="button secondary"
          disabled={busyAction !== null}
          onClick={async () => {
            const result = await action("test", () => api.testProfile(id));
            if (result) setTestResult(result);
          }}
        >
          {busyAction === "test" ? "Sending test callback…" : "Send test callback"}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busyAction !== null}
          onClick={async () => {
            const result = await action("secret", () => api.getSigningSecret(id));
            if (result) setSecret(result);
          }}
        >
          Show signing secret
        </button>
        <Link to={paths.deliveries(id)} className="button secondary">
          Deliveries
        </Link>
        <button type="button" className="button danger" onClick={() => setDeleting(true)}>
          Delete
        </button>
      </div>
      {unsaved ? (
        <p className="hint">Test callbacks use the saved profile; save your changes first.</p>
      ) : null}
      <ErrorSummary title="The action failed" messages={actionError ? [actionError] : []} />
      {testResult ? <TestCallbackResult view={testResult} /> : null}
      {secret ? (
        <dl className="facts">
          <dt>Signing secret</dt>
          <dd>
            <code>{secret.signing_secret}</code>{" "}
            <CopyButton value={secret.signing_secret} label="Copy signing secret" />
          </dd>
          {secret.previous_signing_secret ? (
            <>
              <dt>Previous secret</dt>
              <dd>
                <code>{secret.previous_signing_secret}</code> (signs until{" "}
                {formatDateTime(secret.previous_expires_at ?? "")})
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {warnings.map((warning) => (
        <p key={warning} className="notice warning">
          {warning}
        </p>
      ))}
      <ProfileFormWithPreview
        form={form}
        mode="edit"
        stored={stored}
        onSubmit={async () => {
          const saved = await form.save(
            (values) => updateRequestBody(values, stored),
            (body) => api.updateProfile(id, body),
          );
          if (saved === null) return;
          setStored(saved);
          form.setValues(valuesFromProfile(saved));
          setWarnings(saved.warnings);
          flash("Profile updated successfully", here);
        }}
      />
      {deleting ? (
        <DeleteProfileDialog
          profile={stored}
          onCancel={() => setDeleting(false)}
          onDeleted={() => {
            flash("Profile deleted successfully", paths.profiles());
            navigate(paths.profiles());
          }}
        />
      ) : null}
    </section>
  );
}

/** A profile's page: edit form, preview, test callback, re-enable, signing secret, delete. */
export function ProfileEditPage({ id }: { id: string }) {
  const { api } = useConsole();
  const { state } = useLoad(() => api.getProfile(id), [api, id]);
  if (state.status === "failed") {
    return (
      <section aria-labelledby="edit-heading">
        <h1 id="edit-heading" tabIndex={-1}>
          Callback profile
        </h1>
        <ErrorSummary title="Could not load the profile" messages={[errorMessage(state.error)]} />
        <Link to={paths.profiles()}>Back to profiles</Link>
      </section>
    );
  }
  if (state.status === "loading" || state.data === null) {
    return <p role="status">Loading profile…</p>;
  }
  return <ProfileEditor key={state.data.profile_id} initial={state.data} />;
}
