module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'test-corpora',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
