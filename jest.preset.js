// Shared Jest settings. Tests are transpiled only (type errors are the typecheck target's job),
// which keeps a two-core machine fast.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleNameMapper: {
    // Generated Prisma clients import their siblings as "./x.js"; Jest resolves the .ts source.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@qorgau/(auth|contracts|messaging|platform|testing)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
