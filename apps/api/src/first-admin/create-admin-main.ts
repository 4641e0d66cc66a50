import { createDataSource } from '../database/data-source';
import { migrateUnderLock } from '../database/migrate';
import { PasswordService } from '../identity/password.service';
import { runTool } from '../tool-main/run-tool';
import { FirstAdminRepository } from './first-admin.repository';
import { FirstAdminService } from './first-admin.service';

/**
 * `npm run tools -- create-admin --database` runs this compiled file. The password comes in the environment
 * (KCBX_ADMIN_PASSWORD), never on a command line other users of the server can list.
 */
runTool(async (config, args) => {
  const [county, username, displayName] = args;
  const ds = createDataSource(config);
  await ds.initialize();
  try {
    // the same lock as a server start: a database one version behind is brought up to date first
    await migrateUnderLock(ds);
    const service = new FirstAdminService(new FirstAdminRepository(ds), new PasswordService());
    return await service.createAdmin({ county, username, displayName, password: process.env.KCBX_ADMIN_PASSWORD ?? '' });
  } finally {
    await ds.destroy();
  }
});
