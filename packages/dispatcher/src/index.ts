// @rebound/dispatcher: the long-lived delivery engine. Explicit exports only.

export type { AutoDisableOptions } from "./auto-disable.ts";
export type { ClaimedDelivery, ClaimOptions } from "./claim.ts";
export { claimDeliveries } from "./claim.ts";
export type {
  AttemptRecord,
  DeliveryOutcome,
  DeliveryOutcomeKind,
  DeliveryRef,
} from "./delivery-outcome.ts";
export type { Dispatcher, DispatcherOptions, ShutdownOptions } from "./dispatcher.ts";
export { createDispatcher, DELIVERIES_CHANNEL } from "./dispatcher.ts";
export type { DispatcherMetrics, LatencyHistogram, MetricsRecorder } from "./metrics.ts";
export { createMetricsRecorder, LATENCY_BUCKETS_SECONDS, renderPrometheus } from "./metrics.ts";
export type { LoadedProfile, ProfileCache, ProfileCacheOptions } from "./profile-cache.ts";
export { createProfileCache } from "./profile-cache.ts";
export type { QueueDepth } from "./queue-depth.ts";
export { countQueue } from "./queue-depth.ts";
export { reclaimExpiredLeases } from "./reclaim.ts";
export type { ReleaseLeasesOptions } from "./release.ts";
export { releaseLeases } from "./release.ts";
export type {
  SendTestCallbackOptions,
  TestCallbackInput,
  TestSendResult,
} from "./test-callback.ts";
export { sendTestCallback } from "./test-callback.ts";
export type {
  HttpTransportOptions,
  LookupFunction,
  SendErrorClass,
  SendResult,
  Transport,
} from "./transport/index.ts";
export { createHttpTransport } from "./transport/index.ts";
export { webhookId } from "./webhook-id.ts";
