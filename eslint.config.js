import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', 'packages/db/drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/studio/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // settings are read once, in each process's wiring file
    files: ['**/*.ts'],
    ignores: ['**/main.ts', '**/test/**', '**/testing/**', '**/*.test.ts', '**/bench/**', 'apps/studio/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings with loadConfig in the process entry file and pass them down.',
        },
      ],
    },
  },
  {
    // the server's code uses @crieur/sending; only the one-process wiring (main.ts) starts the workers
    files: ['apps/server/src/**/*.{ts,tsx}'],
    ignores: ['apps/server/src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@crieur/workers'], message: 'The server imports @crieur/sending, never @crieur/workers.' },
          ],
        },
      ],
    },
  },
  {
    // packages never import apps or workers
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@crieur/server',
                '@crieur/studio',
                '@crieur/cli',
                '@crieur/workers',
                '**/apps/**',
                '**/workers/**',
              ],
              message: 'Packages never import apps or workers.',
            },
          ],
        },
      ],
    },
  },
  {
    // rendering packages are pure: no database, queue or mail transport (and, like every package, no apps)
    files: ['packages/content/**/*.ts', 'packages/newsletter/**/*.ts', 'templates/emails/**/*.{ts,tsx}'],
    ignores: ['**/test/**', '**/*.test.ts', '**/*.test.tsx', '**/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@crieur/db',
                '@crieur/queue',
                '@crieur/mailer',
                '@crieur/sending',
                'pg',
                'ioredis',
                'bullmq',
                'nodemailer',
              ],
              message: 'Rendering packages never import db, queue or mailer.',
            },
            {
              group: [
                '@crieur/server',
                '@crieur/studio',
                '@crieur/cli',
                '@crieur/workers',
                '**/apps/**',
                '**/workers/**',
              ],
              message: 'Packages never import apps or workers.',
            },
          ],
        },
      ],
    },
  },
);
