/** One try as stored in the `attempts` table. */
export interface AttemptRecord {
  deliveryId: string;
  attemptNumber: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  errorClass: string | null;
  errorMessage: string | null;
  responseBody: string | null;
  responseHeaders: Record<string, string> | null;
  /** As sent, secrets redacted; null when nothing was sent. */
  requestHeaders: Record<string, string> | null;
  missingVariables: string[];
}

/** The delivery an outcome belongs to. */
export interface DeliveryRef {
  id: string;
  /** Internal profile uuid. */
  profileId: string;
}

/** What processing one claimed delivery came to; the outcome writer records it. */
export type DeliveryOutcome =
  | {
      outcome: "delivered";
      delivery: DeliveryRef;
      attempt: AttemptRecord;
      responseMessage: string | null;
      at: Date;
    }
  | {
      outcome: "retry";
      delivery: DeliveryRef;
      attempt: AttemptRecord;
      nextAttemptAt: Date;
      reason: string;
      at: Date;
    }
  | {
      outcome: "failed";
      delivery: DeliveryRef;
      attempt: AttemptRecord;
      reason: string;
      disableProfile: boolean;
      at: Date;
    }
  /** The profile is disabled: kept, untried, until the profile is enabled again. */
  | { outcome: "held"; delivery: DeliveryRef; at: Date }
  /** The profile was deleted. */
  | { outcome: "cancelled"; delivery: DeliveryRef; at: Date };

export type DeliveryOutcomeKind = DeliveryOutcome["outcome"];
export const DELIVERY_OUTCOME_KINDS: readonly DeliveryOutcomeKind[] = [
  "delivered",
  "retry",
  "failed",
  "held",
  "cancelled",
];
