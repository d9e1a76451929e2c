import { defineConfig } from "vitest/config";

// Browser tests: built app + headless Chromium. Run with
//   npx vitest run --config tests/e2e/vitest.config.ts
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["tests/e2e/support/ensure-chromium.ts", "tests/e2e/support/build-web.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
