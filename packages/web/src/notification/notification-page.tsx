import { type FormEvent, useState } from "react";
import { ApiRequestError, errorMessage } from "../api/api-error.ts";
import { groupByField } from "../api/envelope-errors.ts";
import { REPORT_FREQUENCIES, type ReportFrequency, type ReportSettings } from "../api/types.ts";
import { controlProps, Field, FieldError } from "../components/field.tsx";
import { ErrorSummary, Notice } from "../components/messages.tsx";
import { SwitchToggle } from "../components/switch-toggle.tsx";
import { useLoad } from "../components/use-load.ts";
import { useConsole } from "../session/console-context.tsx";

const FREQUENCY_TEXT: Record<ReportFrequency, { label: string; when: string }> = {
  daily: { label: "Daily", when: "every day at 5:00 PM" },
  weekly: { label: "Weekly", when: "every Wednesday at 5:00 PM" },
  monthly: { label: "Monthly", when: "on the 25th of every month at 5:00 PM" },
};

const SETTINGS_FIELDS = new Set(["enabled", "frequencies", "emails"]);

interface Errors {
  byField: Record<string, string[] | undefined>;
  other: string[];
}

function errorsOf(error: unknown): Errors {
  if (error instanceof ApiRequestError && error.issues.length > 0) {
    return groupByField(error.issues, ([first]) =>
      first !== undefined && SETTINGS_FIELDS.has(first) ? first : null,
    );
  }
  return { byField: {}, other: [errorMessage(error)] };
}

function ReportSettingsForm({ initial, timezone }: { initial: ReportSettings; timezone: string }) {
  const { api } = useConsole();
  const [settings, setSettings] = useState(initial);
  const [errors, setErrors] = useState<Errors>({ byField: {}, other: [] });
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (update: Partial<ReportSettings>) => {
    setSettings((previous) => ({ ...previous, ...update }));
    setSaved(null);
  };
  const toggleFrequency = (frequency: ReportFrequency, on: boolean) => {
    const chosen = new Set(settings.frequencies);
    if (on) chosen.add(frequency);
    else chosen.delete(frequency);
    change({ frequencies: REPORT_FREQUENCIES.filter((item) => chosen.has(item)) });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({ byField: {}, other: [] });
    setSaved(null);
    try {
      const stored = await api.saveReportSettings(settings);
      setSettings(stored);
      setSaved("Callback report settings updated successfully");
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  }

  const frequencyErrors = errors.byField.frequencies;
  return (
    <form onSubmit={submit} noValidate aria-label="Callback report settings">
      <ErrorSummary title="The settings were not saved" messages={errors.other} />
      <SwitchToggle
        id="report-enabled"
        label="Callback Report"
        checked={settings.enabled}
        onChange={(enabled) => change({ enabled })}
        hint="Emails the count of delivered and failed callbacks for the chosen timeframe."
      />
      {settings.enabled ? (
        <fieldset
          className="frequencies"
          aria-describedby={
            frequencyErrors?.length ? "report-frequencies-error" : "report-frequencies-hint"
          }
        >
          <legend>Frequency</legend>
          <p id="report-frequencies-hint" className="hint">
            Choose one or more. Times are in your company time zone ({timezone}).
          </p>
          {REPORT_FREQUENCIES.map((frequency) => (
            <div key={frequency} className="checkbox-field">
              <input
                id={`report-${frequency}`}
                type="checkbox"
                checked={settings.frequencies.includes(frequency)}
                aria-describedby={`report-${frequency}-when`}
                onChange={(event) => toggleFrequency(frequency, event.currentTarget.checked)}
              />
              <label htmlFor={`report-${frequency}`}>{FREQUENCY_TEXT[frequency].label}</label>
              <span id={`report-${frequency}-when`} className="hint">
                {" "}
                — sent {FREQUENCY_TEXT[frequency].when}
              </span>
            </div>
          ))}
          <FieldError id="report-frequencies-error" label="Frequency" errors={frequencyErrors} />
        </fieldset>
      ) : null}
      {settings.enabled && settings.frequencies.length > 0 ? (
        <Field
          id="report-emails"
          label="Email Addresses"
          errors={errors.byField.emails}
          hint="Where the reports go; separate several addresses with commas."
        >
          <input
            {...controlProps("report-emails", { hint: true, errors: errors.byField.emails })}
            type="text"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            value={settings.emails}
            onChange={(event) => change({ emails: event.currentTarget.value })}
          />
        </Field>
      ) : null}
      {errors.byField.enabled ? (
        <FieldError
          id="report-enabled-error"
          label="Callback Report"
          errors={errors.byField.enabled}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
      </div>
      {saved ? <Notice>{saved}</Notice> : null}
    </form>
  );
}

/** The Notification tab of the UI seed: the Callback Report toggle, frequencies, recipients. */
export function NotificationPage() {
  const { api, account } = useConsole();
  const { state } = useLoad(() => api.getReportSettings(), [api]);
  return (
    <section aria-labelledby="notification-heading">
      <h1 id="notification-heading" tabIndex={-1}>
        Notification
      </h1>
      <p className="lead">
        Get a Callback Report by email with the count of all delivered and failed callbacks in the
        timeframe.
      </p>
      {state.status === "failed" ? (
        <ErrorSummary title="Could not load the settings" messages={[errorMessage(state.error)]} />
      ) : null}
      {state.status === "loading" ? <p role="status">Loading settings…</p> : null}
      {state.status === "loaded" ? (
        <ReportSettingsForm initial={state.data} timezone={account.timezone} />
      ) : null}
    </section>
  );
}
