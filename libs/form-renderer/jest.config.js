module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'form-renderer',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
};
