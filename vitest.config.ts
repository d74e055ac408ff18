import { defineConfig } from "vitest/config";

// In CI a JSON report is written too, so .ci/run can print the plain "N passed, N failed" line.
const reportFile = process.env.VAFA_TEST_REPORT;

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    reporters: reportFile ? ["default", ["json", { outputFile: reportFile }]] : ["default"],
  },
});
