import { runTool } from '../tool-main/run-tool';
import { takeBackup } from './backup.service';

/** `npm run tools -- backup --out <file>` runs this compiled file against the server's database (DATABASE_URL / DATA_DIR). */
runTool((config, [out]) => takeBackup(config, out));
