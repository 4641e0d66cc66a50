import * as fs from 'fs';
import * as path from 'path';
import { expectStatus } from './http-client';
import { repoRoot } from './bench-database';

/** Deploys the clerks' three-step procedure and its form (load-approval), as a designer would. */
export async function deployProcedure(base: string, password: string): Promise<void> {
  const login = await expectStatus(200, base, 'POST', '/api/auth/login', undefined, { username: 'designer', password });
  const token = (login.body as { accessToken: string }).accessToken;
  const dir = path.join(repoRoot(), 'apps/api/bench/load');
  const resources = ['load-approval.bpmn', 'load-step.form.json'].map((name) => ({
    name,
    content: fs.readFileSync(path.join(dir, name), 'utf8'),
  }));
  await expectStatus(201, base, 'POST', '/api/deployments', token, { name: 'load bench', resources });
}
