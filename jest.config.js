/** Jest runs the TypeScript sources through SWC, which keeps decorator metadata (type-graphql and MikroORM need it). */
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testMatch: ['<rootDir>/**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  // One worker process, recycled once it holds this much after a file. Every test file loads the
  // servers into a fresh module registry, and each registry's AsyncLocalStorage instances
  // (MikroORM, OpenTelemetry, kit's request scope) stay hooked into every promise the process
  // makes: in one process for the whole suite, the last files spent two thirds of their CPU in
  // async_hooks `init` and timed out.
  maxWorkers: 1,
  workerIdleMemoryLimit: '512MB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
