import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'apps/*/src/**/*.test.{ts,tsx}',
      'templates/*/src/**/*.test.{ts,tsx}',
      'templates/*/test/**/*.test.{ts,tsx}',
      'apps/*/test/**/*.test.ts',
      'packages/*/src/**/*.test.{ts,tsx}',
      'packages/*/test/**/*.test.ts',
      'workers/src/**/*.test.ts',
      'workers/test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'apps/studio/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // the JSON report lets .ci/run print its closing 'N passed, N failed' line
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
  },
});
