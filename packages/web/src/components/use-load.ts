import { type DependencyList, useCallback, useEffect, useState } from "react";

export type LoadState<T> =
  | { status: "loading"; data: T | null }
  | { status: "loaded"; data: T }
  | { status: "failed"; data: T | null; error: unknown };

/**
 * Loads data when `deps` change, keeps the previous data while reloading (no flicker), and drops
 * answers that arrive after a newer load started.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<LoadState<T>>({ status: "loading", data: null });
  const [generation, setGeneration] = useState(0);
  // The caller's deps decide when to load.
  const run = useCallback(load, deps);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: "loading", data: previous.data }));
    run().then(
      (data) => {
        if (current) setState({ status: "loaded", data });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ status: "failed", data: previous.data, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [run, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, reload };
}
