import { pgEnum } from "drizzle-orm/pg-core";
import {
  AUTO_DISABLE_NOTICE_STATUSES,
  DELIVERY_STATUSES,
  REPORT_FREQUENCIES,
  REPORT_RUN_STATUSES,
} from "./statuses.ts";

export const deliveryStatus = pgEnum("delivery_status", DELIVERY_STATUSES);
export const reportFrequency = pgEnum("report_frequency", REPORT_FREQUENCIES);
export const reportRunStatus = pgEnum("report_run_status", REPORT_RUN_STATUSES);
export const autoDisableNoticeStatus = pgEnum(
  "auto_disable_notice_status",
  AUTO_DISABLE_NOTICE_STATUSES,
);
