import { type JsonObject, type JsonValue, parseVariablePath } from "@rebound/core";

/** Larger array indexes in a variable path are not filled in (no huge sample arrays). */
const MAX_SAMPLE_INDEX = 20;

type Container = JsonObject | JsonValue[];

function isContainer(value: JsonValue | undefined): value is Container {
  return typeof value === "object" && value !== null;
}

/**
 * Sample event data for a test callback: every dynamic variable set to a visible placeholder
 * value (`"sample order.id"`), nested as its path says. Paths that clash with an earlier one
 * (`a` and `a.b`) or use a large index are skipped: their variables then show as missing.
 *
 * @example sampleEventData(["order.id", "items[0].sku"]) // { order: { id: "sample order.id" }, items: [{ sku: "sample items[0].sku" }] }
 */
export function sampleEventData(variables: readonly string[]): JsonObject {
  const root: JsonObject = {};
  for (const variable of variables) {
    const segments = parseVariablePath(variable);
    if (segments === null || segments.some((segment) => Number(segment) > MAX_SAMPLE_INDEX)) {
      continue;
    }
    let current: Container = root;
    for (const [position, segment] of segments.entries()) {
      const last = position === segments.length - 1;
      const next = segments[position + 1];
      const fresh: JsonValue = last ? `sample ${variable}` : typeof next === "number" ? [] : {};
      const child = readMember(current, segment);
      if (child === "clash") break;
      if (child === undefined) {
        if (!writeMember(current, segment, fresh)) break;
        if (!isContainer(fresh)) break;
        current = fresh;
      } else {
        if (last || !isContainer(child)) break;
        if (Array.isArray(child) !== (typeof next === "number")) break;
        current = child;
      }
    }
  }
  return root;
}

function readMember(
  container: Container,
  segment: string | number,
): JsonValue | undefined | "clash" {
  if (typeof segment === "number") {
    return Array.isArray(container) ? container[segment] : "clash";
  }
  if (Array.isArray(container)) return "clash";
  return Object.hasOwn(container, segment) ? container[segment] : undefined;
}

function writeMember(container: Container, segment: string | number, value: JsonValue): boolean {
  if (typeof segment === "number") {
    if (!Array.isArray(container)) return false;
    while (container.length < segment) container.push(null);
    container[segment] = value;
    return true;
  }
  if (Array.isArray(container)) return false;
  // Defined, not assigned: a variable named `__proto__` must not change the prototype.
  Object.defineProperty(container, segment, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return true;
}
