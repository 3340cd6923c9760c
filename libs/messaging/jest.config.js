module.exports = require('../../jest.preset.js').unit('messaging', __dirname);
