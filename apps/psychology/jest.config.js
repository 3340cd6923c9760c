module.exports = require('../../jest.preset.js').unit('psychology', __dirname);
