// Database suites: the same files run on SQLite (default) and on PostgreSQL (TEST_DATABASE_URL set).
module.exports = {
  projects: ['<rootDir>/apps/api/jest.db.config.js', '<rootDir>/libs/engine-store-typeorm/jest.db.config.js'],
};
