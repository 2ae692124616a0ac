import { useState } from "react";
import { ApiRequestError, errorMessage } from "../api/api-error.ts";
import { groupByField, profileFieldOf } from "../api/envelope-errors.ts";
import type { ProfileBodyResult, ProfileFormValues } from "./profile-form-values.ts";

/** Which form field each value belongs to, for clearing its error once it is edited. */
const FIELD_OF_VALUE: Partial<Record<keyof ProfileFormValues, string[]>> = {
  enc_enabled: ["enc"],
  enc_algo: ["enc.algo", "enc.key"],
  enc_key: ["enc.key"],
  enc_iv: ["enc.IV"],
  enc_params: ["enc.params"],
  enc_iv_mode: ["enc.iv_mode"],
};

export interface FormErrorsState {
  byField: Record<string, string[] | undefined>;
  other: string[];
}

const NO_ERRORS: FormErrorsState = { byField: {}, other: [] };

/**
 * Values, inline errors and saving of the profile form. `save` builds the request body, sends it
 * and places the API's envelope errors next to their fields (the rest in a summary).
 */
export function useProfileForm(initial: ProfileFormValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrorsState>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  function change(update: Partial<ProfileFormValues>) {
    setValues((previous) => ({ ...previous, ...update }));
    setErrors((previous) => {
      const byField = { ...previous.byField };
      for (const name of Object.keys(update) as (keyof ProfileFormValues)[]) {
        for (const field of FIELD_OF_VALUE[name] ?? [name]) delete byField[field];
      }
      return { byField, other: previous.other };
    });
  }

  async function save<T>(
    build: (values: ProfileFormValues) => ProfileBodyResult,
    send: (body: Record<string, unknown>) => Promise<T>,
  ): Promise<T | null> {
    const built = build(values);
    if (!built.ok) {
      setErrors({ byField: { [built.field]: [built.message] }, other: [] });
      return null;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      return await send(built.body);
    } catch (error) {
      if (error instanceof ApiRequestError && error.issues.length > 0) {
        setErrors(groupByField(error.issues, profileFieldOf));
      } else {
        setErrors({ byField: {}, other: [errorMessage(error)] });
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { values, setValues, errors, busy, change, save };
}
