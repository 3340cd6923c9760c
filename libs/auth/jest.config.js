module.exports = require('../../jest.preset.js').unit('auth', __dirname);
