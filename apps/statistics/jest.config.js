module.exports = require('../../jest.preset.js').unit('statistics', __dirname);
