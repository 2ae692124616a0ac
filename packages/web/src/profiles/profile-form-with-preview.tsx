import { useState } from "react";
import type { ProfileView } from "../api/types.ts";
import { Link } from "../routing/router.tsx";
import { paths } from "../routing/routes.ts";
import { useConsole } from "../session/console-context.tsx";
import { FormErrorSummary } from "./form-error-summary.tsx";
import { previewInput } from "./preview-input.ts";
import { ProfileForm } from "./profile-form.tsx";
import { RequestPreview } from "./request-preview.tsx";
import type { useProfileForm } from "./use-profile-form.ts";
import { useRequestPreview } from "./use-request-preview.ts";

export interface ProfileFormWithPreviewProps {
  form: ReturnType<typeof useProfileForm>;
  mode: "create" | "edit";
  /** The saved profile being edited; null when creating. */
  stored: ProfileView | null;
  onSubmit(): void;
}

/**
 * The create and edit pages' shared body: the error summary, the profile form (Cancel back to the
 * list) and the live preview of the request it would send for a sample event.
 */
export function ProfileFormWithPreview({
  form,
  mode,
  stored,
  onSubmit,
}: ProfileFormWithPreviewProps) {
  const { api } = useConsole();
  const [sampleData, setSampleData] = useState("");
  const preview = useRequestPreview(api, previewInput(form.values, stored, sampleData));
  return (
    <>
      <FormErrorSummary errors={form.errors} />
      <div className="form-layout">
        <ProfileForm
          values={form.values}
          errors={form.errors.byField}
          mode={mode}
          busy={form.busy}
          onChange={form.change}
          onSubmit={onSubmit}
          cancel={
            <Link to={paths.profiles()} className="button secondary">
              Cancel
            </Link>
          }
        />
        <RequestPreview
          state={preview}
          sampleData={sampleData}
          onSampleDataChange={setSampleData}
        />
      </div>
    </>
  );
}
