// Database suites (*.int-spec.ts): the real app on a real database. DB_DRIVER=postgres with
// TEST_DATABASE_URL runs the same suites on PostgreSQL; the default is a fresh SQLite file per suite.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: `api-db:${process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite'}`,
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  testTimeout: 60000,
};
