module.exports = require('../../jest.preset.js').integration('messaging:int', __dirname);
