module.exports = require('../../jest.preset.js').unit('identity', __dirname);
