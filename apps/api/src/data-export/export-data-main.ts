import { runTool } from '../tool-main/run-tool';
import { exportCountyData } from './county-export.service';

/** `npm run tools -- export-data --county <code> --out <dir>` runs this compiled file against the server's database. */
runTool((config, [county, out, force]) => exportCountyData(config, county, out, force === '--force'));
