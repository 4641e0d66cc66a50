module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'demo-data',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
