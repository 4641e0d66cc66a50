import { spawnSync } from 'child_process';
import { validate } from 'dockerfile-utils';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..', '..');
const DEPLOY = path.join(ROOT, 'deploy');

/** whether a command is on PATH; a check that needs a missing tool is skipped with a line naming it */
function tool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}
function skipped(what: string, toolName: string) {
  process.stdout.write(`SKIPPED: ${what} — ${toolName} is not installed on this machine\n`);
}

/**
 * Issue #20, acceptance 5: the deployment guide's files are checked by the tools that check them where those tools
 * exist here — the systemd unit by `systemd-analyze verify`, the nginx example by `nginx -t`, the Dockerfile by a
 * Dockerfile linter (dockerfile-utils, the VS Code Docker extension's) and the compose file parsed and held against
 * the Dockerfile, the configuration the API reads and the readiness endpoint. No Docker engine is needed.
 */
describe('deployment files', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-deploy-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the systemd unit passes systemd-analyze verify', () => {
    if (!tool('systemd-analyze')) return skipped('systemd unit check', 'systemd-analyze');
    let unit = fs.readFileSync(path.join(DEPLOY, 'systemd', 'kcbx@.service'), 'utf8');
    // verify checks that ExecStart's program exists: where node is elsewhere, the guide says to change the path
    if (!fs.existsSync('/usr/bin/node')) unit = unit.replaceAll('/usr/bin/node', process.execPath);
    fs.writeFileSync(path.join(tmp, 'kcbx@.service'), unit);
    const r = spawnSync('systemd-analyze', ['verify', path.join(tmp, 'kcbx@3001.service')], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
    expect(r.status).toBe(0);
  });

  it('a broken unit is caught the same way (the check is real)', () => {
    if (!tool('systemd-analyze')) return skipped('systemd unit check', 'systemd-analyze');
    const unit = fs
      .readFileSync(path.join(DEPLOY, 'systemd', 'kcbx@.service'), 'utf8')
      .replace(/^ExecStart=.*$/m, 'ExecStart=/no/such/node x');
    fs.writeFileSync(path.join(tmp, 'broken@.service'), unit);
    const r = spawnSync('systemd-analyze', ['verify', path.join(tmp, 'broken@3001.service')], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('/no/such/node');
  });

  it('the nginx example passes nginx -t (with a throw-away certificate in place of the county’s)', () => {
    if (!tool('nginx')) return skipped('nginx configuration check', 'nginx');
    if (!tool('openssl')) return skipped('nginx configuration check', 'openssl');
    const cert = path.join(tmp, 'cert.pem');
    const key = path.join(tmp, 'key.pem');
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=kcbx.test',
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    expect(made.status).toBe(0);
    const site = fs
      .readFileSync(path.join(DEPLOY, 'nginx', 'kcbx.conf'), 'utf8')
      .replace('/etc/ssl/kcbx/fullchain.pem', cert)
      .replace('/etc/ssl/kcbx/privkey.pem', key)
      .replaceAll('/var/log/nginx/', `${tmp}/`);
    fs.writeFileSync(path.join(tmp, 'kcbx.conf'), site);
    const main = path.join(tmp, 'nginx.conf');
    fs.writeFileSync(
      main,
      `pid ${tmp}/nginx.pid;\nerror_log ${tmp}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${tmp};\n  include ${tmp}/kcbx.conf;\n}\n`,
    );
    const r = spawnSync('nginx', ['-t', '-c', main, '-p', tmp], { encoding: 'utf8' });
    expect(r.stderr).toContain('syntax is ok');
    expect(r.stderr).toContain('test is successful');
    expect(r.status).toBe(0);
  });

  it('the Dockerfile has no problems a Dockerfile linter finds', () => {
    const dockerfile = fs.readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');
    const problems = validate(dockerfile).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(problems).toEqual([]);
    // the linter is not a rubber stamp
    expect(validate('FROMM node:20\nCOPY x\n').length).toBeGreaterThan(0);
    expect(dockerfile).toMatch(/^FROM node:20[\w.-]*/m);
    expect(dockerfile).toContain('/api/health/ready');
    expect(dockerfile).toContain('CMD ["node", "tools/scripts/start-api.js"]');
  });

  it('the compose file parses and agrees with the Dockerfile and the settings the server reads', () => {
    const compose = parse(fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8'));
    const api = compose.services.api;
    expect(fs.existsSync(path.resolve(DEPLOY, api.build.context, api.build.dockerfile))).toBe(true);
    expect(api.depends_on.db.condition).toBe('service_healthy');
    expect(compose.services.db.image).toMatch(/^postgres:15/);
    const known = settingsTheServerReads();
    const unknown = Object.keys(api.environment).filter((k) => !known.has(k));
    expect(unknown).toEqual([]);
    expect(api.environment.NODE_ENV).toBe('production');
    expect(api.environment.DATABASE_URL).toMatch(/^postgres:\/\/kcbx:\$\{POSTGRES_PASSWORD\}@db:5432\/kcbx$/);
    for (const v of api.volumes as string[]) expect(Object.keys(compose.volumes)).toContain(v.split(':')[0]);
    if (tool('docker-compose')) {
      const r = spawnSync('docker-compose', ['-f', path.join(DEPLOY, 'compose.yaml'), 'config', '-q'], {
        encoding: 'utf8',
        env: { ...process.env, POSTGRES_PASSWORD: 'x', JWT_SECRET: 'y'.repeat(40) },
      });
      expect(r.stderr).toBe('');
    } else skipped('compose schema check', 'docker-compose');
  });

  it('the example environment file names only settings the server reads', () => {
    const lines = fs.readFileSync(path.join(DEPLOY, 'kcbx.env.example'), 'utf8').split('\n');
    const names = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=')[0]);
    const known = settingsTheServerReads();
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['NODE_ENV', 'TZ', 'DATABASE_URL', 'JWT_SECRET', 'DATA_DIR', 'BACKUP_DIR', 'METRICS_TOKEN']),
    );
  });
});

/** every environment variable the API's configuration modules read (their zod schemas), plus TZ and NOTIFY_SENDERS */
function settingsTheServerReads(): Set<string> {
  const files = [
    'apps/api/src/config/app-config.ts',
    'apps/api/src/backup/backup-config.ts',
    'apps/api/src/monitoring/monitoring-config.ts',
  ].map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'));
  const names = files.flatMap((text) => [...text.matchAll(/^\s{2}([A-Z][A-Z0-9_]+): z\b/gm)].map((m) => m[1]));
  return new Set([...names, 'TZ', 'NOTIFY_SENDERS']);
}
