module.exports = {
  ...require('../../jest.preset.js'),
  displayName: `engine-store:${process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite'}`,
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 60000,
};
