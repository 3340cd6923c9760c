module.exports = require('../../jest.preset.js').unit('legal', __dirname);
