import type { FieldIssue } from "../api/envelope-errors.ts";
import { profileFieldOf } from "../api/envelope-errors.ts";

/** The form label of each profile field key, as issues are shown to people. */
const FIELD_LABELS: Record<string, string> = {
  title: "Name",
  http_method: "HTTP Method",
  url: "URL",
  headers: "Headers",
  body: "Body",
  body_type: "Body type",
  dynamic_variables: "Dynamic variables",
  response_message: "Response message",
  channel: "Channel",
  events: "Events",
  enc: "Encryption",
  "enc.algo": "Algorithm",
  "enc.key": "Key",
  "enc.IV": "Initialization Vector",
  "enc.params": "Parameters",
  "enc.iv_mode": "IV mode",
  status: "Status",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/**
 * An issue as a sentence about the form: `Key must be exactly 16 characters …` for a field the
 * form has, the API's own text otherwise.
 */
export function issueSentence(issue: FieldIssue): string {
  const field = profileFieldOf(issue.path);
  return field === null ? issue.text : `${fieldLabel(field)} ${issue.message}`;
}
