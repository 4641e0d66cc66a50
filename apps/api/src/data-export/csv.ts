/** UTF-8 byte order mark: without it Excel opens a CSV file as the local code page and Chinese comes out garbled. */
export const BOM = '\uFEFF';

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A text starting like a formula
 * (=, +, @, a tab or carriage return, or - before a non-digit) gets a leading apostrophe, so a spreadsheet shows the
 * text instead of running it (CSV injection); numbers such as -3 are left alone. The JSON files keep the value as stored.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') {
    text = /^[=+@\t\r]|^-(?![\d.])/.test(value) ? `'${value}` : value;
  } else if (typeof value === 'object') {
    text = value instanceof Date ? value.toISOString() : JSON.stringify(value);
  } else {
    text = String(value);
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** one CSV line (CRLF, as Excel writes it) */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
