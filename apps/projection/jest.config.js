module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'projection',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
