// Unit tests of the SPA's plain logic (no DOM): org tree building, error parsing, dictionaries.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
