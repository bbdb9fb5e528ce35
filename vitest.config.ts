import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // the JSON report lets .ci/run print its closing 'N passed, N failed' line
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
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
          // the studio's tests run in the browser-like project below
          exclude: ['**/node_modules/**', 'apps/studio/**'],
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'studio',
          include: ['apps/studio/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['apps/studio/src/test/setup.ts'],
        },
      },
    ],
  },
});
