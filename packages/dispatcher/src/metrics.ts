import { DELIVERY_OUTCOME_KINDS, type DeliveryOutcomeKind } from "./delivery-outcome.ts";
import type { QueueDepth } from "./queue-depth.ts";

/** Upper bounds (seconds) of the attempt latency histogram: Prometheus' defaults plus 15 s. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15,
];

export interface LatencyHistogram {
  /** Cumulative counts per bucket of LATENCY_BUCKETS_SECONDS (le). */
  buckets: number[];
  count: number;
  sumSeconds: number;
}

/** A snapshot of the dispatcher's counters. */
export interface DispatcherMetrics {
  outcomes: Record<DeliveryOutcomeKind, number>;
  attemptLatency: LatencyHistogram;
  inFlight: number;
}

/** Mutable counters owned by one dispatcher. */
export interface MetricsRecorder {
  countOutcome(kind: DeliveryOutcomeKind): void;
  observeAttempt(durationMs: number): void;
  snapshot(inFlight: number): DispatcherMetrics;
}

export function createMetricsRecorder(): MetricsRecorder {
  const outcomes = Object.fromEntries(DELIVERY_OUTCOME_KINDS.map((kind) => [kind, 0])) as Record<
    DeliveryOutcomeKind,
    number
  >;
  const buckets = LATENCY_BUCKETS_SECONDS.map(() => 0);
  let count = 0;
  let sumSeconds = 0;
  return {
    countOutcome(kind) {
      outcomes[kind] += 1;
    },
    observeAttempt(durationMs) {
      const seconds = durationMs / 1000;
      count += 1;
      sumSeconds += seconds;
      LATENCY_BUCKETS_SECONDS.forEach((bound, index) => {
        if (seconds <= bound) buckets[index] = (buckets[index] ?? 0) + 1;
      });
    },
    snapshot(inFlight) {
      return {
        outcomes: { ...outcomes },
        attemptLatency: { buckets: [...buckets], count, sumSeconds },
        inFlight,
      };
    },
  };
}

/**
 * Prometheus text exposition (format 0.0.4) of the dispatcher's metrics and the queue depth.
 *
 * @example
 * const text = renderPrometheus(dispatcher.metrics(), await countQueue(handle));
 */
export function renderPrometheus(metrics: DispatcherMetrics, queueDepth: QueueDepth): string {
  const lines: string[] = [
    "# HELP rebound_deliveries_total Delivery tries by outcome.",
    "# TYPE rebound_deliveries_total counter",
  ];
  for (const kind of DELIVERY_OUTCOME_KINDS) {
    lines.push(`rebound_deliveries_total{outcome="${kind}"} ${metrics.outcomes[kind]}`);
  }
  const latency = metrics.attemptLatency;
  lines.push(
    "# HELP rebound_attempt_duration_seconds Duration of HTTP tries.",
    "# TYPE rebound_attempt_duration_seconds histogram",
  );
  LATENCY_BUCKETS_SECONDS.forEach((bound, index) => {
    lines.push(
      `rebound_attempt_duration_seconds_bucket{le="${bound}"} ${latency.buckets[index] ?? 0}`,
    );
  });
  lines.push(
    `rebound_attempt_duration_seconds_bucket{le="+Inf"} ${latency.count}`,
    `rebound_attempt_duration_seconds_sum ${latency.sumSeconds}`,
    `rebound_attempt_duration_seconds_count ${latency.count}`,
    "# HELP rebound_deliveries_in_flight Deliveries being sent by this dispatcher.",
    "# TYPE rebound_deliveries_in_flight gauge",
    `rebound_deliveries_in_flight ${metrics.inFlight}`,
    "# HELP rebound_queue_depth Deliveries waiting or leased, by status.",
    "# TYPE rebound_queue_depth gauge",
    `rebound_queue_depth{status="pending"} ${queueDepth.pending}`,
    `rebound_queue_depth{status="held"} ${queueDepth.held}`,
    `rebound_queue_depth{status="delivering"} ${queueDepth.delivering}`,
  );
  return `${lines.join("\n")}\n`;
}
