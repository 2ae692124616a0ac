import type { AutoDisableNotice } from "./auto-disable-notices.ts";
import { findNoticeProfile, type NoticeProfile } from "./auto-disable-notices.ts";
import { sendWithRetry } from "./mail/send-with-retry.ts";
import type { MailRunContext } from "./mail-run-context.ts";
import {
  type MailRunOutcome,
  markSendStarted,
  outcomeOfError,
  outcomeOfSend,
  recordMailOutcome,
} from "./mail-runs.ts";
import { findReportAccount, type ReportAccount } from "./report-accounts.ts";
import { profileAutoDisabledTemplate } from "./templates/profile-auto-disabled-email.tsx";
import { renderEmail } from "./templates/render-email.ts";

/** Recorded when an account has no report recipients to tell. */
export const NO_RECIPIENTS_REASON =
  "no report recipients configured (PUT /v1/{sid}/settings/callback-report)";

/**
 * What happened to one claimed notice; `recorded` is false when the row was taken over.
 * `account` and `profile` are null only when they could not be read.
 */
export type NoticeSendResult = {
  notice: AutoDisableNotice;
  account: ReportAccount | null;
  profile: NoticeProfile | null;
  recorded: boolean;
} & (
  | { outcome: "sent"; recipients: string[]; messageId: string; attempts: number }
  | { outcome: "failed"; recipients: string[]; error: string; retryAt: Date | null }
  | { outcome: "skipped"; reason: string }
);

/** Same disable, same key: a resend after a crash is the same email. */
export function noticeIdempotencyKey(
  notice: Pick<AutoDisableNotice, "profileId" | "disabledAt">,
): string {
  return `auto-disabled:${notice.profileId}:${notice.disabledAt.toISOString()}`;
}

interface NoticeAttempt {
  account: ReportAccount | null;
  profile: NoticeProfile | null;
  outcome: MailRunOutcome;
}

async function attemptNotice(
  context: MailRunContext,
  notice: AutoDisableNotice,
): Promise<NoticeAttempt> {
  const policy = {
    retryIntervalMs: context.retryIntervalMs,
    retryUntil: new Date(notice.disabledAt.getTime() + context.retryForMs),
  };
  let recipients: string[] = [];
  let account: ReportAccount | null = null;
  let profile: NoticeProfile | null = null;
  try {
    account = await findReportAccount(context.handle, { accountId: notice.accountId });
    profile = await findNoticeProfile(context.handle, notice);
    if (account === null || profile === null) throw new Error("the profile no longer exists");
    recipients = account.recipients;
    if (recipients.length === 0) {
      return { account, profile, outcome: { status: "skipped", reason: NO_RECIPIENTS_REASON } };
    }
    const email = await renderEmail(profileAutoDisabledTemplate, {
      companyName: account.name,
      accountSid: account.sid,
      profileId: profile.profileId,
      title: profile.title,
      url: profile.url,
      reason: profile.reason,
      disabledAt: notice.disabledAt,
      timeZone: account.timeZone,
      ...(context.apiBaseUrl === undefined ? {} : { apiBaseUrl: context.apiBaseUrl }),
    });
    await markSendStarted(context.handle, "auto_disable_notices", notice.id, context.now());
    const result = await sendWithRetry(
      context.mail,
      {
        from: context.from,
        to: recipients,
        ...email,
        headers: { "X-Rebound-Notice": "profile-auto-disabled" },
        idempotencyKey: noticeIdempotencyKey(notice),
      },
      context.mailRetry,
    );
    return { account, profile, outcome: outcomeOfSend(result, recipients, context.now(), policy) };
  } catch (error) {
    return { account, profile, outcome: outcomeOfError(error, recipients, context.now(), policy) };
  }
}

/**
 * Emails a claimed notice to the account's report recipients (the `profileAutoDisabledTemplate`)
 * and records `sent`, `failed`, or `skipped` when the account has no recipients.
 */
export async function sendAutoDisableNotice(
  context: MailRunContext,
  notice: AutoDisableNotice,
): Promise<NoticeSendResult> {
  const { outcome, ...about } = await attemptNotice(context, notice);
  const recorded = await recordMailOutcome(
    context.handle,
    "auto_disable_notices",
    notice.id,
    outcome,
  );
  const common = { notice, ...about, recorded };
  switch (outcome.status) {
    case "sent":
      return {
        ...common,
        outcome: "sent",
        recipients: outcome.recipients,
        messageId: outcome.providerMessageId,
        attempts: outcome.attempts,
      };
    case "failed":
      return {
        ...common,
        outcome: "failed",
        recipients: outcome.recipients,
        error: outcome.error,
        retryAt: outcome.retryAt,
      };
    case "skipped":
      return { ...common, outcome: "skipped", reason: outcome.reason };
    default: {
      const unexpected: never = outcome;
      throw new TypeError(`unknown outcome ${JSON.stringify(unexpected)}`);
    }
  }
}
