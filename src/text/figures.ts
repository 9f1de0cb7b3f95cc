// Figures as converters cut them: shared by the PDF extractor and the logical-table steps.

/** A figure whose last digit group is cut short at its cell's edge ("£4,506,21", "12,"): the rest is on the next line. */
export const CUT_DIGIT_GROUP = /\d,\d{0,2}$/;

/** A cell that is one whole figure, spaces aside: "£1,200,000", "(3,400)", "-12", "96.4%", "£2m", "450k". */
export function isWholeFigure(text: string): boolean {
  return /^[£$€(-]?\d[\d,.]*(?:[km%]|m)?\)?$/i.test(text.replace(/\s/g, ''));
}

/** A cell a sheet fills in place of a figure: a whole figure, or a mark that none applies ("N/A", "-"). */
export function isValueCell(text: string): boolean {
  return isWholeFigure(text) || /^(?:n\/a|-|–|—)$/i.test(text.trim());
}

/** A whole figure followed by its note in brackets, as an annex writes it: "27,500 (All Trusts)". */
export function isNotedFigure(text: string): boolean {
  const m = /^(\S+)\s*\(.*\)?$/.exec(text.trim());
  return !!m && isWholeFigure(m[1]);
}
