module.exports = require('../../jest.preset.js').unit('platform', __dirname);
