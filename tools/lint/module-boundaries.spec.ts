import { execSync, spawnSync } from 'child_process';
import * as path from 'path';

/** The architecture's dependency rules are enforced by lint; these cases prove the rules bite. */
const root = path.join(__dirname, '..', '..');

describe('module boundaries (eslint + Nx tags)', () => {
  jest.setTimeout(60_000);
  beforeAll(() => {
    execSync('npx nx show projects', { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  }, 60_000);

  // The real eslint CLI on source given through stdin as if it lived at `file` (nothing is written).
  const errorsFor = async (file: string, code: string): Promise<string[]> => {
    const run = spawnSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', file], {
      cwd: root,
      input: code,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  };

  it('libs/engine may not import a framework', async () => {
    const errors = await errorsFor(
      'libs/engine/src/probe.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    );
    expect(errors.join()).toMatch(/not allowed to import "@nestjs\/common"/);
  });

  it('libs/forms may not import React or TypeORM', async () => {
    const react = await errorsFor('libs/forms/src/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n");
    const orm = await errorsFor('libs/forms/src/probe.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n");
    expect(react.join()).toMatch(/not allowed to import "react"/);
    expect(orm.join()).toMatch(/not allowed to import "typeorm"/);
  });

  it('a lib may not import an app', async () => {
    const errors = await errorsFor(
      'libs/cn-codes/src/probe.ts',
      "import { createApp } from '../../../apps/api/src/app.factory';\nexport const x = createApp;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('the API may use the shared libs', async () => {
    const errors = await errorsFor(
      'apps/api/src/probe.ts',
      "import { isResidentId } from '@kcbx/cn-codes';\nexport const x = isResidentId;\n",
    );
    expect(errors).toEqual([]);
  });
});
