import { runTool } from '../tool-main/run-tool';
import { restoreBackup } from './restore.service';

/** `npm run tools -- restore <file> [--replace]` runs this compiled file; the server must be stopped. */
runTool((config, [file, ...flags]) => restoreBackup(config, file, { replace: flags.includes('--replace') }));
