import {
  type AttemptResult,
  buildCallbackRequest,
  decideRetry,
  findHeader,
  PROFILE_STATUS,
  redactHeaders,
  renderResponseMessage,
} from "@rebound/core";
import type { ClaimedDelivery } from "./claim.ts";
import type { AttemptRecord, DeliveryOutcome, DeliveryRef } from "./delivery-outcome.ts";
import { type LoadedProfile, signingSecretsAt } from "./profile-cache.ts";
import type { SendResult, Transport } from "./transport/index.ts";
import { webhookId } from "./webhook-id.ts";

export interface AttemptDeliveryInput {
  delivery: ClaimedDelivery;
  /** Null when the profile row is gone. */
  profile: LoadedProfile | null;
  transport: Transport;
  now: () => Date;
  random: () => number;
}

/**
 * Makes one try of a claimed delivery: render and sign, send, then decide delivered, retry or
 * failed. Never touches the database; the returned outcome is recorded by the outcome writer.
 */
export async function attemptDelivery(input: AttemptDeliveryInput): Promise<DeliveryOutcome> {
  const { delivery, profile } = input;
  const ref: DeliveryRef = { id: delivery.id, profileId: delivery.profileId };
  if (profile === null || profile.deletedAt !== null) {
    return { outcome: "cancelled", delivery: ref, at: input.now() };
  }
  if (profile.spec.status !== PROFILE_STATUS.active) {
    return { outcome: "held", delivery: ref, at: input.now() };
  }
  const startedAt = input.now();
  const built = buildCallbackRequest(
    profile.spec,
    { event: delivery.event, data: delivery.data },
    {
      signing: {
        id: webhookId(delivery.id),
        timestampSeconds: Math.floor(startedAt.getTime() / 1000),
        secrets: signingSecretsAt(profile, startedAt),
      },
    },
  );
  if (!built.ok) {
    const attempt = baseAttempt(delivery, startedAt, built.missingVariables);
    const reason = `render: ${built.error.message}`;
    return {
      outcome: "failed",
      delivery: ref,
      attempt: { ...attempt, errorClass: "render", errorMessage: built.error.message },
      reason,
      disableProfile: false,
      at: startedAt,
    };
  }
  const sent = await input.transport.send(built.request);
  const attempt: AttemptRecord = {
    ...baseAttempt(delivery, startedAt, built.request.missingVariables),
    ...attemptColumns(sent),
    requestHeaders: redactHeaders(built.request.headers),
  };
  const at = input.now();
  const decision = decideRetry({
    attemptNumber: delivery.attemptNumber,
    result: attemptResultOf(sent),
    ladderMs: profile.ladderMs,
    random: input.random,
    nowMs: at.getTime(),
  });
  switch (decision.outcome) {
    case "delivered":
      return {
        outcome: "delivered",
        delivery: ref,
        attempt,
        responseMessage: responseMessageOf(profile, sent, delivery.data),
        at,
      };
    case "retry":
      return {
        outcome: "retry",
        delivery: ref,
        attempt,
        nextAttemptAt: new Date(at.getTime() + decision.afterMs),
        reason: decision.reason,
        at,
      };
    case "failed":
      return {
        outcome: "failed",
        delivery: ref,
        attempt,
        reason: decision.reason,
        disableProfile: decision.disableProfile,
        at,
      };
    default: {
      const unexpected: never = decision;
      throw new TypeError(`unknown retry decision ${JSON.stringify(unexpected)}`);
    }
  }
}

function baseAttempt(
  delivery: ClaimedDelivery,
  startedAt: Date,
  missingVariables: string[],
): AttemptRecord {
  return {
    deliveryId: delivery.id,
    attemptNumber: delivery.attemptNumber,
    startedAt,
    durationMs: 0,
    statusCode: null,
    errorClass: null,
    errorMessage: null,
    responseBody: null,
    responseHeaders: null,
    requestHeaders: null,
    missingVariables,
  };
}

function attemptColumns(sent: SendResult): Partial<AttemptRecord> {
  switch (sent.kind) {
    case "response":
      return {
        durationMs: Math.round(sent.durationMs),
        statusCode: sent.statusCode,
        responseBody: sent.body,
        responseHeaders: sent.headers,
      };
    case "error":
      return {
        durationMs: Math.round(sent.durationMs),
        errorClass: sent.errorClass,
        errorMessage: sent.message,
      };
    default: {
      const unexpected: never = sent;
      throw new TypeError(`unknown send result ${JSON.stringify(unexpected)}`);
    }
  }
}

/** The transport's result in the terms decideRetry understands. */
export function attemptResultOf(sent: SendResult): AttemptResult {
  switch (sent.kind) {
    case "response":
      return {
        kind: "response",
        statusCode: sent.statusCode,
        retryAfter: findHeader(sent.headers, "retry-after"),
      };
    case "error":
      return { kind: "error", errorClass: sent.errorClass };
    default: {
      const unexpected: never = sent;
      throw new TypeError(`unknown send result ${JSON.stringify(unexpected)}`);
    }
  }
}

function responseMessageOf(profile: LoadedProfile, sent: SendResult, data: unknown): string | null {
  const template = profile.spec.response_message;
  if (template === null || sent.kind !== "response") return null;
  return renderResponseMessage(template, { response: parseJson(sent.body), data }).text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A non-JSON response simply offers no variables; the event data still can.
    return null;
  }
}
