module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'work-calendar',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
