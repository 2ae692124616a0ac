import { type Static, Type } from "@sinclair/typebox";
import { COMPUTED_KEYWORD } from "../validation/ajv-instance.ts";
import { createValidator, type Validator } from "../validation/create-validator.ts";
import { issueAt, quoteName, type ValidationIssue } from "../validation/issues.ts";
import { canonicalTimeZone, MAX_TIME_ZONE_LENGTH } from "./time-zone.ts";

/** Body of `PATCH /account`: the company time zone, which schedules its callback reports. */
export const AccountUpdateBodySchema = Type.Object(
  {
    timezone: Type.String({
      minLength: 1,
      maxLength: MAX_TIME_ZONE_LENGTH,
      description: "IANA time zone name, e.g. Asia/Kolkata or UTC (any case)",
    }),
  },
  { additionalProperties: false, [COMPUTED_KEYWORD]: ["sid", "created_at"] },
);

export type AccountUpdateBody = Static<typeof AccountUpdateBodySchema>;

export interface AccountUpdate {
  /** Canonical spelling, see `canonicalTimeZone`. */
  timezone: string;
}

export type AccountUpdateValidationResult =
  | { ok: true; update: AccountUpdate }
  | { ok: false; issues: ValidationIssue[] };

let validateBody: Validator<AccountUpdateBody> | undefined;

/**
 * Validates the body of `PATCH /account`.
 *
 * @example
 * validateAccountUpdate({ timezone: "asia/tokyo" }) // { ok: true, update: { timezone: "Asia/Tokyo" } }
 * validateAccountUpdate({ timezone: "Mars/Base" })
 * // { ok: false, issues: [{ location: "body", message: "body/timezone has 'Mars/Base', which is not an IANA time zone name (e.g. Asia/Kolkata, UTC)" }] }
 */
export function validateAccountUpdate(input: unknown): AccountUpdateValidationResult {
  validateBody ??= createValidator(AccountUpdateBodySchema, "body");
  const structural = validateBody(input);
  if (!structural.ok) return structural;
  const { timezone } = structural.value;
  const canonical = canonicalTimeZone(timezone);
  if (canonical === null) {
    const message = `has ${quoteName(timezone)}, which is not an IANA time zone name (e.g. Asia/Kolkata, UTC)`;
    return { ok: false, issues: [issueAt("body", ["timezone"], message)] };
  }
  return { ok: true, update: { timezone: canonical } };
}
