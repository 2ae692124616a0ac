import { describe, expect, it } from "vitest";
import { ENCRYPTION_ALGORITHMS } from "./algorithms.ts";
import { encryptionWarnings } from "./warnings.ts";

const GCM = ENCRYPTION_ALGORITHMS.filter((algo) => algo.endsWith("GCM"));
const CFB = ENCRYPTION_ALGORITHMS.filter((algo) => algo.endsWith("CFB"));

describe("encryptionWarnings", () => {
  it.each(GCM)("warns about nonce reuse for %s with a fixed IV", (algo) => {
    const warnings = encryptionWarnings({ algo, ivMode: "fixed" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(algo);
    expect(warnings[0]).toContain("nonce");
    expect(warnings[0]).toContain('iv_mode: "random"');
  });

  it.each(GCM)("has nothing to say for %s with a random IV", (algo) => {
    expect(encryptionWarnings({ algo, ivMode: "random" })).toEqual([]);
  });

  it.each(CFB.flatMap((algo) => [[algo, "fixed"] as const, [algo, "random"] as const]))(
    "has nothing to say for %s with a %s IV",
    (algo, ivMode) => {
      expect(encryptionWarnings({ algo, ivMode })).toEqual([]);
    },
  );
});
