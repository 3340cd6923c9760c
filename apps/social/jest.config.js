module.exports = require('../../jest.preset.js').unit('social', __dirname);
