module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'engine-store-typeorm',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
