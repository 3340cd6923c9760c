// End-to-end: the built services as child processes, the real Kafka and PostgreSQL of scripts/test.sh.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'platform-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 180000,
};
