import ExcelJS from 'exceljs';
import { AppError } from '../common/app-error';
import { readTabularTable } from './tabular-file';

/** Counts turns of the event loop while `work` runs: other requests are served exactly on such turns. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: PromiseSettledResult<T> }> {
  let turns = 0;
  let on = true;
  const spin = () => {
    if (!on) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const [result] = await Promise.allSettled([work()]);
  on = false;
  return { turns, result };
}

const csv = (rows: number) => Buffer.from(['姓名,问题', ...Array.from({ length: rows }, (_, i) => `学生${i},问题描述第${i}条`)].join('\n'));

// They count event-loop turns, not time: a 40,000-row parse takes a few seconds on a loaded 2-core box.
jest.setTimeout(60_000);

describe('spreadsheets are read in steps with the row cap applied while reading (#14 point 7)', () => {
  it('given a 1 MB CSV, then parsing gives the event loop many turns (others are served meanwhile) and every row comes back', async () => {
    const { turns, result } = await turnsDuring(() => readTabularTable('big.csv', csv(40_000)));
    expect(result.status).toBe('fulfilled');
    expect((result as PromiseFulfilledResult<{ rows: unknown[] }>).value.rows).toHaveLength(40_000);
    expect(turns).toBeGreaterThanOrEqual(10);
  });

  it('given a CSV far over the cap, then TOO_MANY_ROWS, having read little more than the cap', async () => {
    const { turns, result } = await turnsDuring(() => readTabularTable('big.csv', csv(40_000), 2000));
    expect(result.status).toBe('rejected');
    expect(((result as PromiseRejectedResult).reason as AppError).code).toBe('TOO_MANY_ROWS');
    // the whole file is about 16 pieces; stopping at the cap reads about one
    expect(turns).toBeLessThan(8);
  });

  it('given an XLSX over the cap, then TOO_MANY_ROWS, and the loop turns while it is read', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('s');
    sheet.addRow(['问题描述']);
    for (let i = 0; i < 30_000; i++) sheet.addRow([`问题${i}`]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const { turns, result } = await turnsDuring(() => readTabularTable('x.xlsx', xlsx, 2000));
    expect(result.status).toBe('rejected');
    expect(((result as PromiseRejectedResult).reason as AppError).code).toBe('TOO_MANY_ROWS');
    expect(turns).toBeGreaterThan(0);
  });
});
