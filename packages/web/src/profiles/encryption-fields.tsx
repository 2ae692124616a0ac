import { ENCRYPTION_ALGORITHMS, type EncryptionAlgorithm, type IvMode } from "../api/types.ts";
import { controlProps, Field } from "../components/field.tsx";
import { SwitchToggle } from "../components/switch-toggle.tsx";
import type { ProfileFormValues } from "./profile-form-values.ts";

export const IV_LENGTH = 16;

/** Key length in characters: AES-128 16, AES-192 24, AES-256 32 (the seed's rule). */
export function keyLengthFor(algo: EncryptionAlgorithm): 16 | 24 | 32 {
  if (algo.startsWith("AES-128")) return 16;
  return algo.startsWith("AES-192") ? 24 : 32;
}

/** Characters as the API counts them (UTF-8 bytes: non-ASCII characters count 2 to 4). */
export function lengthAsCounted(text: string): number {
  return new TextEncoder().encode(text).length;
}

const isMasked = (text: string) => /^.{2}x+.{2}$/.test(text);

export interface EncryptionFieldsProps {
  values: ProfileFormValues;
  errors: Record<string, string[] | undefined>;
  /** Editing a stored profile: its key and IV are shown masked. */
  editing: boolean;
  onChange(change: Partial<ProfileFormValues>): void;
}

/** The Enable Encryption toggle and, when on, algorithm, key, IV, parameters and IV mode. */
export function EncryptionFields({ values, errors, editing, onChange }: EncryptionFieldsProps) {
  const keyLength = keyLengthFor(values.enc_algo);
  const keyCount = lengthAsCounted(values.enc_key);
  const ivCount = lengthAsCounted(values.enc_iv);
  const maskedHint =
    editing && isMasked(values.enc_key)
      ? " The stored key is shown masked: leave it as it is to keep it."
      : "";
  const keyHint = `AES-128 keys are 16 characters, AES-192 keys 24 and AES-256 keys 32: ${values.enc_algo} needs ${keyLength}. Now ${keyCount} of ${keyLength}.${maskedHint}`;
  const ivHint = `Exactly ${IV_LENGTH} characters (mandatory). The IV keeps identical values from encrypting to the same text. Now ${ivCount} of ${IV_LENGTH}.`;
  const gcmFixed = values.enc_algo.endsWith("GCM") && values.enc_iv_mode === "fixed";
  return (
    <fieldset className="encryption">
      <legend>Encryption</legend>
      <SwitchToggle
        id="profile-enc-enabled"
        label="Enable Encryption"
        checked={values.enc_enabled}
        onChange={(checked) => onChange({ enc_enabled: checked })}
        hint="Encrypts the values of dynamic variables before they are put into the request."
      />
      {errors.enc?.length ? (
        <p className="field-error" id="profile-enc-error">
          {errors.enc.map((message) => `Encryption ${message}`).join(". ")}
        </p>
      ) : null}
      {values.enc_enabled ? (
        <div className="encryption-fields">
          <Field
            id="profile-enc-algo"
            label="Algorithm"
            errors={errors["enc.algo"]}
            hint="GCM (Galois/Counter Mode) encrypts in parallel and authenticates each value: faster and tamper-evident. CFB (cipher feedback) can only decrypt in parallel, so it encrypts more slowly."
          >
            <select
              {...controlProps("profile-enc-algo", { hint: true, errors: errors["enc.algo"] })}
              value={values.enc_algo}
              onChange={(event) =>
                onChange({ enc_algo: event.currentTarget.value as EncryptionAlgorithm })
              }
            >
              {ENCRYPTION_ALGORITHMS.map((algo) => (
                <option key={algo} value={algo}>
                  {algo}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="profile-enc-key"
            label="Key"
            required
            errors={errors["enc.key"]}
            hint={keyHint}
          >
            <input
              {...controlProps("profile-enc-key", {
                hint: true,
                errors: errors["enc.key"],
                required: true,
              })}
              autoComplete="off"
              spellCheck={false}
              value={values.enc_key}
              onChange={(event) => onChange({ enc_key: event.currentTarget.value })}
            />
          </Field>
          <Field
            id="profile-enc-iv"
            label="Initialization Vector"
            required
            errors={errors["enc.IV"]}
            hint={ivHint}
          >
            <input
              {...controlProps("profile-enc-iv", {
                hint: true,
                errors: errors["enc.IV"],
                required: true,
              })}
              autoComplete="off"
              spellCheck={false}
              value={values.enc_iv}
              onChange={(event) => onChange({ enc_iv: event.currentTarget.value })}
            />
          </Field>
          <Field
            id="profile-enc-params"
            label="Parameters"
            errors={errors["enc.params"]}
            hint="The dynamic variables to encrypt, comma-separated (for example phone, address.city). Empty: every variable the templates use."
          >
            <input
              {...controlProps("profile-enc-params", { hint: true, errors: errors["enc.params"] })}
              spellCheck={false}
              value={values.enc_params}
              onChange={(event) => onChange({ enc_params: event.currentTarget.value })}
            />
          </Field>
          <Field
            id="profile-enc-iv-mode"
            label="IV mode"
            errors={errors["enc.iv_mode"]}
            hint={
              gcmFixed
                ? "Warning: GCM with a fixed IV reuses the nonce for every value, which leaks how values relate and allows forgeries. Prefer a random IV unless your receiver needs the fixed one."
                : "Fixed uses the IV above for every value (as the original product); random draws a fresh IV per value and sends it with the value."
            }
          >
            <select
              {...controlProps("profile-enc-iv-mode", {
                hint: true,
                errors: errors["enc.iv_mode"],
              })}
              value={values.enc_iv_mode}
              onChange={(event) => onChange({ enc_iv_mode: event.currentTarget.value as IvMode })}
            >
              <option value="fixed">Fixed IV</option>
              <option value="random">Random IV per value</option>
            </select>
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}
