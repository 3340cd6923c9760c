module.exports = require('../../jest.preset.js').unit('outreach', __dirname);
