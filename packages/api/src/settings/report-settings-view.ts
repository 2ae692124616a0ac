import { REPORT_FREQUENCIES, type ReportSettings } from "@rebound/core";
import { type Static, Type } from "@sinclair/typebox";

/** The callback report settings as the API returns them (also the OpenAPI response schema). */
export const ReportSettingsViewSchema = Type.Object({
  enabled: Type.Boolean(),
  frequencies: Type.Array(Type.Unsafe<string>({ type: "string", enum: [...REPORT_FREQUENCIES] }), {
    description: "Distinct, in the order daily, weekly, monthly",
  }),
  emails: Type.String({ description: 'Normalised recipients, e.g. "a@x.com, b@y.com"' }),
});
export type ReportSettingsView = Static<typeof ReportSettingsViewSchema>;

export function reportSettingsView(settings: ReportSettings): ReportSettingsView {
  return {
    enabled: settings.enabled,
    frequencies: [...settings.frequencies],
    emails: settings.emails,
  };
}
