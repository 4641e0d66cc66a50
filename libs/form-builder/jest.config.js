module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'form-builder',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
