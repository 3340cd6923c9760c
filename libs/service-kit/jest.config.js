module.exports = require('../../jest.preset.js').unit('service-kit', __dirname);
