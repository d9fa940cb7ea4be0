import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Hooks build engines over the whole dataset; on a loaded two-core machine that can pass 10 s.
    hookTimeout: 30_000,
    // CI asks for a JSON report too, to print "N passed, N failed" (see .ci/run).
    reporters: process.env["VITEST_JSON_REPORT"] ? ["default", "json"] : ["default"],
    ...(process.env["VITEST_JSON_REPORT"] && { outputFile: { json: process.env["VITEST_JSON_REPORT"] } }),
  },
});
