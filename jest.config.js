/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // isolatedModules: type-checking happens once in `npm run typecheck`, not per test file
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
  },
  testTimeout: 20000,
  // One PostgreSQL server per run for the store tests (see test/support/postgres.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
