module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'county-package',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
