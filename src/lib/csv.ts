type Cell = string | number | boolean | null;

/** One RFC 4180 CSV line (with its CRLF); cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function csvRow(row: ReadonlyArray<Cell>): string {
  const cell = (v: Cell) => {
    let s = v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${row.map(cell).join(',')}\r\n`;
}

/** RFC 4180 CSV of a header and rows. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return [header, ...rows].map(csvRow).join('');
}
