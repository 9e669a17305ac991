import { defineConfig } from 'vitest/config';
import { PUBLIC_ENTRIES } from './scripts/public-entries.mjs';

export default defineConfig({
  resolve: { alias: PUBLIC_ENTRIES },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./tests/support/build.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: browser and notebook suites are heavy, keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
