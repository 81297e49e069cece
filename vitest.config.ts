import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests that spawn the CLI or write to temp folders are independent; keep the default pool.
  },
});
