module.exports = require('../../jest.preset.js').unit('intake', __dirname);
