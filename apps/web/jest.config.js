module.exports = require('../../jest.preset.js').unit('web', __dirname);
