module.exports = require('../../jest.preset.js').integration('intake:int', __dirname);
