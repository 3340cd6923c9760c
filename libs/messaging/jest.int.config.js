// Integration tests: the real Kafka broker started by scripts/test.sh.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'messaging:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 120000,
};
