module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'cn-codes',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
