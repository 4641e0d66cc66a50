import { BOM, csvCell, csvLine } from './csv';

describe('CSV for the county export', () => {
  it('given plain values, when written, then they stand as they are; null is an empty cell', () => {
    expect(csvLine(['640422', '吉强镇', 3, true, null])).toBe('640422,吉强镇,3,true,\r\n');
  });

  it('given commas, quotes and line breaks, when written, then the cell is quoted with quotes doubled', () => {
    expect(csvCell('王,李')).toBe('"王,李"');
    expect(csvCell('说"好"')).toBe('"说""好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
  });

  it('given text a spreadsheet would run as a formula, when written, then it is shown as text; negative numbers stay', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+86')).toBe("'+86");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell(-3)).toBe('-3');
  });

  it('given objects and dates, when written, then JSON and ISO time; the BOM is the UTF-8 one', () => {
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(new Date('2026-12-07T01:00:00.000Z'))).toBe('2026-12-07T01:00:00.000Z');
    expect(Buffer.from(BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
