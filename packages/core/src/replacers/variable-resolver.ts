import type { JsonValue } from "../profile/profile.ts";
import { lookupVariable, parseVariablePath } from "./variable-path.ts";

export type ResolvedVariable = { found: true; value: JsonValue } | { found: false };

/** Turns a found value into what is substituted, e.g. its encryption; runs once per path. */
export type ValueTransform = (path: string, value: JsonValue) => JsonValue;

export interface VariableResolverOptions {
  /** Sources searched in order; the first that has the path wins. */
  sources: readonly unknown[];
  transform?: ValueTransform;
}

/**
 * Resolves variable paths against event data for one render, caching each path (so a value is
 * encrypted once however often it appears) and recording the paths that were missing.
 */
export class VariableResolver {
  readonly #sources: readonly unknown[];
  readonly #transform: ValueTransform | undefined;
  readonly #cache = new Map<string, ResolvedVariable>();
  readonly #missing = new Set<string>();

  constructor(options: VariableResolverOptions) {
    this.#sources = options.sources;
    this.#transform = options.transform;
  }

  resolve(path: string): ResolvedVariable {
    const cached = this.#cache.get(path);
    if (cached) return cached;
    const resolved = this.#lookup(path);
    if (!resolved.found) this.#missing.add(path);
    this.#cache.set(path, resolved);
    return resolved;
  }

  /** Paths referenced by the templates but absent from every source, first miss first. */
  get missing(): string[] {
    return [...this.#missing];
  }

  #lookup(path: string): ResolvedVariable {
    const segments = parseVariablePath(path);
    if (!segments) return { found: false };
    for (const source of this.#sources) {
      const result = lookupVariable(source, segments);
      if (result.found) {
        return this.#transform
          ? { found: true, value: this.#transform(path, result.value) }
          : result;
      }
    }
    return { found: false };
  }
}
