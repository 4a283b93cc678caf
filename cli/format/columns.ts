/**
 * Lines of a table: every column padded to its widest cell and two spaces
 * between columns; the last column is left ragged.
 */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) =>
    Math.max(...rows.map((row) => row[i]?.length ?? 0)),
  );
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths?.[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
