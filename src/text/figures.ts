// Figures as converters cut them: shared by the PDF extractor and the logical-table steps.

/** A figure whose last digit group is cut short at its cell's edge ("£4,506,21", "12,"): the rest is on the next line. */
export const CUT_DIGIT_GROUP = /\d,\d{0,2}$/;
