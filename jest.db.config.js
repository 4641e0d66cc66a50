// Database suites: the same files run on SQLite (default) and on PostgreSQL (TEST_DATABASE_URL set).
// testTimeout is global in jest (ignored inside projects), hence here.
module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    '<rootDir>/apps/api/jest.db.config.js',
    '<rootDir>/libs/engine-store-typeorm/jest.db.config.js',
    '<rootDir>/tools/cli/jest.db.config.js',
  ],
};
