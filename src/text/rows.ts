// How a table row is written in DocumentModel.text: cells joined by tabs, line breaks inside a cell as spaces.
// Offsets and quotes of every stage point into that text, so every stage must write a row the same way.

/** A cell's text as the document's text has it: line breaks (and the spaces around them) made one space. */
export function cellLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** A row of cell texts (grid rows) or of cells (model table rows) as the document's text has it. */
export function rowText(row: { readonly cells: readonly (string | { readonly text: string })[] }): string {
  return row.cells.map((c) => cellLine(typeof c === 'string' ? c : c.text)).join('\t');
}
