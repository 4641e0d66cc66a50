module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'forms',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
