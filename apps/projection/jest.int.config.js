module.exports = require('../../jest.preset.js').integration('projection:int', __dirname);
