module.exports = require('../../jest.preset.js').integration('platform-e2e', __dirname);
