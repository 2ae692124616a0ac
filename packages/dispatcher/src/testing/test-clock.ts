/** A clock tests move by hand, so retry waits pass at once. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function createTestClock(start: Date = new Date()): TestClock {
  let offsetMs = start.getTime() - Date.now();
  return {
    // Follows real time too, so durations and lease checks behave as usual between jumps.
    now: () => new Date(Date.now() + offsetMs),
    advance(ms) {
      offsetMs += ms;
    },
  };
}
