// Integration tests: real Kafka and PostgreSQL, started by scripts/test.sh.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'intake:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 120000,
};
