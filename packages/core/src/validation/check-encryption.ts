import type { Static } from "@sinclair/typebox";
import { checkEncryptionSettings, isEncryptionAlgorithm } from "../crypto/index.ts";
import type { ProfileEncryption } from "../profile/profile.ts";
import { isPathWithin } from "../replacers/index.ts";
import { createValidator, type Validator } from "./create-validator.ts";
import { issueAt, type ValidationIssue } from "./issues.ts";
import { EncParamsListSchema, type EncryptionSchema } from "./profile-schema.ts";

export type EncryptionInput = Static<typeof EncryptionSchema>;

let validateParamsList: Validator<string[]> | undefined;

/**
 * Normalises `enc`: algorithm upper case, key and IV lengths checked in UTF-8 bytes, `params`
 * split when given as the UI's comma-separated text, empty params meaning "all variables".
 */
export function normaliseEncryption(
  input: EncryptionInput | null | undefined,
  issues: ValidationIssue[],
): ProfileEncryption | null {
  if (input === undefined || input === null) return null;
  const algo = input.algo.toUpperCase();
  for (const problem of checkEncryptionSettings({ algo, key: input.key, iv: input.IV })) {
    issues.push(issueAt("body", ["enc", problem.field], problem.message));
  }
  if (!isEncryptionAlgorithm(algo)) return null;
  const params = normaliseParams(input.params, issues);
  const ivMode = input.iv_mode?.toLowerCase() === "random" ? "random" : "fixed";
  return { algo, key: input.key, IV: input.IV, params, iv_mode: ivMode };
}

function normaliseParams(
  params: EncryptionInput["params"],
  issues: ValidationIssue[],
): string[] | null {
  if (params === undefined || params === null) return null;
  const list = typeof params === "string" ? splitParams(params, issues) : params;
  if (list === null) return null;
  const unique = [...new Set(list)];
  return unique.length === 0 ? null : unique;
}

/** The UI's comma-separated params text as a checked list, or `null` after pushing issues. */
function splitParams(text: string, issues: ValidationIssue[]): string[] | null {
  const list = text
    .split(",")
    .map((param) => param.trim())
    .filter((param) => param !== "");
  validateParamsList ??= createValidator(EncParamsListSchema, "body", { basePath: "/enc/params" });
  const result = validateParamsList(list);
  if (result.ok) return result.value;
  issues.push(...result.issues);
  return null;
}

/**
 * Each `enc.params` entry must cover a variable the templates use (`address` covers
 * `address.city`): a typo would otherwise silently send that value in clear text.
 */
export function encParamsIssues(
  params: readonly string[] | null,
  usedVariables: readonly string[],
): ValidationIssue[] {
  const unused = (params ?? []).filter(
    (param) => !usedVariables.some((variable) => isPathWithin(variable, param)),
  );
  if (unused.length === 0) return [];
  const used = usedVariables.length === 0 ? "none" : usedVariables.join(", ");
  return unused.map((param) =>
    issueAt(
      "body",
      ["enc", "params"],
      `names '${param}', which no template (url, headers, body, response_message) uses (used variables: ${used})`,
    ),
  );
}
