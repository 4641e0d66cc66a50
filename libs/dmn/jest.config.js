module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'dmn',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
