// Runtime entry: the workspace is compiled once into dist/ (npm run build); TypeScript reads src/.
module.exports = require('../../dist/libs/domain/src/index.js');
