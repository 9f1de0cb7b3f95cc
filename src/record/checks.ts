// What the fields read for validation only: values checkPlan checks besides the record's items (sign-off blocks,
// template placeholders left in). Read by the field registry like the record's fields; not in the record (their
// findings reach it as UNSIGNED and PLACEHOLDER_TEXT flags).
import { z } from 'zod';

/** One "Signed on behalf of …" block and whether it carries a name and a date. */
export const SignatorySchema = z.object({
  /** Who signs ("Signed on behalf of the Council — Northmoor Borough Council"). */
  party: z.string(),
  hasName: z.boolean(),
  hasDate: z.boolean(),
  /** Offset of the block's first line in DocumentModel.text. */
  offset: z.number().int().nonnegative(),
  page: z.number().int().positive().nullable(),
  /** The block's lines, quoted. */
  quote: z.string(),
});

/** One template placeholder left in ("<name of signatory>", "dd/mm/yyyy", "TBC"). */
export const PlaceholderSchema = z.object({
  /** The placeholder as a reader would recognise it ("<name of signatory>", "TBC"). */
  placeholder: z.string(),
  /** A short quote around it (its table row where that is short). */
  quote: z.string(),
  /** Offset of the placeholder in DocumentModel.text. */
  offset: z.number().int().nonnegative(),
  page: z.number().int().positive().nullable(),
});

export type Signatory = z.infer<typeof SignatorySchema>;
export type Placeholder = z.infer<typeof PlaceholderSchema>;
