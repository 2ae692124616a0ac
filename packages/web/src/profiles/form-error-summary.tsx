import { ErrorSummary } from "../components/messages.tsx";
import { fieldLabel } from "./profile-field-labels.ts";
import type { FormErrorsState } from "./use-profile-form.ts";

/** "The profile was not saved": messages for no field, and which fields have errors. */
export function FormErrorSummary({ errors }: { errors: FormErrorsState }) {
  const fields = Object.entries(errors.byField)
    .filter(([, messages]) => messages !== undefined && messages.length > 0)
    .map(([field]) => fieldLabel(field));
  const messages = [...errors.other];
  if (fields.length > 0) messages.push(`Check these fields: ${fields.join(", ")}.`);
  return <ErrorSummary title="The profile was not saved" messages={messages} />;
}
