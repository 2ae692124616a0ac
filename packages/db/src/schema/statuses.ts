/** Delivery lifecycle; one list feeds the pg enum and validation. */
export const DELIVERY_STATUSES = [
  "pending",
  "delivering",
  "delivered",
  "failed",
  "held",
  "cancelled",
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const REPORT_FREQUENCIES = ["daily", "weekly", "monthly"] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

export const REPORT_RUN_STATUSES = ["sending", "sent", "failed"] as const;
export type ReportRunStatus = (typeof REPORT_RUN_STATUSES)[number];

/** Auto-disable notice emails: like report runs, plus `skipped` when there is nobody to tell. */
export const AUTO_DISABLE_NOTICE_STATUSES = ["sending", "sent", "failed", "skipped"] as const;
export type AutoDisableNoticeStatus = (typeof AUTO_DISABLE_NOTICE_STATUSES)[number];
