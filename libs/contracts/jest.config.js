module.exports = require('../../jest.preset.js').unit('contracts', __dirname);
