// Fixed-width text for the tests, as pdftotext -layout sets a table's cells: each at its column.

/** A line with each text starting at its column (cells given as [column, text], left to right). */
export const pad = (cells: Array<[number, string]>): string => {
  let line = '';
  for (const [x, t] of cells) line = line.padEnd(x) + t;
  return line;
};
