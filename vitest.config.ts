import path from "node:path";

import { defineConfig } from "vitest/config";

const root = __dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // lib modules guard against client bundles with `import "server-only"`,
      // which throws outside the react-server condition; tests are server code.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    // Starts (or reuses) PostgreSQL and migrates the test database once.
    globalSetup: ["tests/global-setup.ts"],
    // Tests run against a real PostgreSQL; some start servers of their own.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
