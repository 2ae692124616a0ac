import { describe, expect, it } from "vitest";
import { createMetricsRecorder, renderPrometheus } from "./metrics.ts";

describe("metrics", () => {
  it("counts outcomes and buckets attempt latency cumulatively", () => {
    const recorder = createMetricsRecorder();
    recorder.countOutcome("delivered");
    recorder.countOutcome("delivered");
    recorder.countOutcome("retry");
    recorder.observeAttempt(20);
    recorder.observeAttempt(3_000);
    const metrics = recorder.snapshot(4);
    expect(metrics.outcomes).toMatchObject({ delivered: 2, retry: 1, failed: 0 });
    expect(metrics.inFlight).toBe(4);
    expect(metrics.attemptLatency.count).toBe(2);
    expect(metrics.attemptLatency.sumSeconds).toBeCloseTo(3.02);
  });

  it("renders the Prometheus text exposition with the queue depth", () => {
    const recorder = createMetricsRecorder();
    recorder.countOutcome("failed");
    recorder.observeAttempt(20);
    const text = renderPrometheus(recorder.snapshot(1), { pending: 5, held: 2, delivering: 1 });
    expect(text).toContain("# TYPE rebound_deliveries_total counter");
    expect(text).toContain('rebound_deliveries_total{outcome="failed"} 1');
    expect(text).toContain('rebound_attempt_duration_seconds_bucket{le="0.01"} 0');
    expect(text).toContain('rebound_attempt_duration_seconds_bucket{le="0.025"} 1');
    expect(text).toContain('rebound_attempt_duration_seconds_bucket{le="+Inf"} 1');
    expect(text).toContain("rebound_deliveries_in_flight 1");
    expect(text).toContain('rebound_queue_depth{status="pending"} 5');
    expect(text.endsWith("\n")).toBe(true);
  });
});
