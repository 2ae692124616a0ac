export interface ShutdownSignalsOptions {
  /** Runs once, on the first SIGTERM or SIGINT. */
  onSignal(signal: NodeJS.Signals): void;
  /** Writes one line to stderr. */
  warn(line: string): void;
}

/** The first SIGTERM/SIGINT starts a graceful shutdown; a second one exits at once. */
export function onShutdownSignals(options: ShutdownSignalsOptions): void {
  let received = false;
  const handle = (signal: NodeJS.Signals) => {
    if (received) {
      options.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    received = true;
    options.onSignal(signal);
  };
  process.on("SIGTERM", handle);
  process.on("SIGINT", handle);
}
