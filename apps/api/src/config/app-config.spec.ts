import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-config-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('works with no settings at all: SQLite under the data folder, port 3000, demo seed on', () => {
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c.database).toEqual({ kind: 'sqlite', file: path.join(dataDir, 'kcbx.sqlite') });
    expect(c.port).toBe(3000);
    expect(c.seedDemo).toBe(true);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(c.jwtSecret);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
    });
  });

  it('refuses to start in production without a JWT secret or a database URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: 'postgres://u@h/db' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL/);
  });

  it('never seeds the demo county in production unless SEED_DEMO=true says so', () => {
    const prod = { NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig(prod).seedDemo).toBe(false);
    expect(loadConfig({ ...prod, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('names every bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
