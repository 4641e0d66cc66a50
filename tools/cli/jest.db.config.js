// The CLI against a real API server (in-process Nest app listening on a real port, real database):
// part of `npm run test:db`, on SQLite by default and on PostgreSQL with TEST_DATABASE_URL.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: `tools-cli-db:${process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite'}`,
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  testTimeout: 60000,
};
