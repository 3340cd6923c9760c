module.exports = require('../../jest.preset.js').unit('testing', __dirname);
