module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'password-policy',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
