// Template tables as plain pdftotext (no -layout) reads them, shared by the reading-order tests. Made up, like
// every figure in those tests.

/** The 2022-23 expenditure table's header as pdftotext reads it, cells clipped at their edges. */
export const SPENDING_HEADER = [
  'Spending Plan 2022/23',
  '',
  'Scheme Name',
  '',
  'Brief Description of Area of',
  'Scheme',
  'Spend',
  '',
  'Commissione',
  'Source of',
  'Provider',
  'r',
  'Funding',
  '',
  'New/',
  'Expenditure',
  'Existing',
  '',
];
