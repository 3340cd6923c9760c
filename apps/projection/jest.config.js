module.exports = require('../../jest.preset.js').unit('projection', __dirname);
