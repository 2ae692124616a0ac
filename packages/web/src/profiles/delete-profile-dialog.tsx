import { useState } from "react";
import { errorMessage } from "../api/api-error.ts";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorSummary } from "../components/messages.tsx";
import { useConsole } from "../session/console-context.tsx";

export interface DeleteProfileDialogProps {
  profile: { profile_id: string; title: string };
  onDeleted(): void;
  onCancel(): void;
}

/** Asks before deleting; the API cancels the profile's pending and held callbacks. */
export function DeleteProfileDialog({ profile, onDeleted, onCancel }: DeleteProfileDialogProps) {
  const { api } = useConsole();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <ConfirmDialog
      title={`Delete ${profile.title}?`}
      confirmLabel={busy ? "Deleting…" : "Delete profile"}
      busy={busy}
      onCancel={onCancel}
      onConfirm={async () => {
        setBusy(true);
        setFailure(null);
        try {
          await api.deleteProfile(profile.profile_id);
          onDeleted();
        } catch (error) {
          setFailure(errorMessage(error));
          setBusy(false);
        }
      }}
    >
      <p>
        The profile <strong>{profile.title}</strong> ({profile.profile_id}) is deleted and its
        pending callbacks are cancelled. This cannot be undone.
      </p>
      <ErrorSummary title="Could not delete the profile" messages={failure ? [failure] : []} />
    </ConfirmDialog>
  );
}
