import { useState } from "react";
import type { CreatedProfile } from "../api/types.ts";
import { CopyButton } from "../components/copy-button.tsx";
import { Notice } from "../components/messages.tsx";
import { Link } from "../routing/router.tsx";
import { paths } from "../routing/routes.ts";
import { useConsole } from "../session/console-context.tsx";
import { createRequestBody, emptyProfileValues } from "./profile-form-values.ts";
import { ProfileFormWithPreview } from "./profile-form-with-preview.tsx";
import { useProfileForm } from "./use-profile-form.ts";

/** Shown once after create: the profile ID and the signing secret (returned only here). */
function CreatedPanel({ profile }: { profile: CreatedProfile }) {
  return (
    <section aria-labelledby="created-heading" className="created">
      <h1 id="created-heading" tabIndex={-1}>
        {profile.title}
      </h1>
      <Notice>Profile created successfully</Notice>
      <dl className="facts">
        <dt>Profile ID</dt>
        <dd>
          <code>{profile.profile_id}</code>{" "}
          <CopyButton value={profile.profile_id} label="Copy profile ID" />
        </dd>
        <dt>Signing secret</dt>
        <dd>
          <code>{profile.signing_secret}</code>{" "}
          <CopyButton value={profile.signing_secret} label="Copy signing secret" />
          <p className="hint">
            Receivers verify the webhook-signature header with it. Store it now: it is shown in full
            only here (later from the profile's page).
          </p>
        </dd>
      </dl>
      {profile.warnings.map((warning) => (
        <p key={warning} className="notice warning">
          {warning}
        </p>
      ))}
      <div className="form-actions">
        <Link to={paths.profile(profile.profile_id)} className="button">
          Open profile
        </Link>
        <Link to={paths.profiles()} className="button secondary">
          Back to profiles
        </Link>
      </div>
    </section>
  );
}

/** Create New: the profile form with the live request preview. */
export function ProfileCreatePage() {
  const { api } = useConsole();
  const form = useProfileForm(emptyProfileValues());
  const [created, setCreated] = useState<CreatedProfile | null>(null);

  if (created) return <CreatedPanel profile={created} />;

  return (
    <section aria-labelledby="create-heading">
      <div className="page-title">
        <h1 id="create-heading" tabIndex={-1}>
          Create callback profile
        </h1>
      </div>
      <ProfileFormWithPreview
        form={form}
        mode="create"
        stored={null}
        onSubmit={async () => {
          const saved = await form.save(createRequestBody, (body) => api.createProfile(body));
          if (saved) setCreated(saved);
        }}
      />
    </section>
  );
}
