import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/*.test.ts", "src/**/test-vectors/**"],
      reporter: ["text-summary"],
      thresholds: { lines: 90 },
    },
  },
});
