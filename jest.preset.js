// Shared Jest settings. Tests are transpiled only (type errors are the typecheck target's job),
// which keeps a two-core machine fast.
const path = require('node:path');

const preset = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleNameMapper: {
    // Generated Prisma clients import their siblings as "./x.js"; Jest resolves the .ts source.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@qorgau/(auth|contracts|domain|messaging|platform|service-kit|testing)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  /** A project's unit tests: `*.spec.ts`, no infrastructure. */
  unit: (displayName, rootDir) => ({ ...preset, displayName, rootDir, testMatch: ['<rootDir>/src/**/*.spec.ts'] }),
  /** A project's integration tests: `*.int-spec.ts`, against the Kafka and PostgreSQL that scripts/test.sh starts. */
  integration: (displayName, rootDir) => ({
    ...preset,
    displayName,
    rootDir,
    testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
    testTimeout: 180000,
  }),
};
