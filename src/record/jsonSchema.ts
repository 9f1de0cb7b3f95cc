// The record as JSON Schema (docs/record.schema.json), generated from the zod schemas so the published contract
// cannot drift from what the pipeline validates. `npm run schema` writes the file; a test keeps it in step.
import { z } from 'zod';
import { PlanRecordSchema, SCHEMA_VERSION } from './schema.js';

/** `recordSchema` is the record's unless a test passes an extended one. */
export function recordJsonSchema(recordSchema: z.ZodObject = PlanRecordSchema): Record<string, unknown> {
  // io 'output': the shape of a written record (defaults applied), which is what readers of the files see.
  const generated = z.toJSONSchema(recordSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `plansift plan record, schema version ${SCHEMA_VERSION}`,
    description: 'One input file as plansift writes it (DIR/records/<path>.json). Documented in docs/record.md; generated from src/record/schema.ts.',
    ...rest,
  };
}

/** The file's text: two-space JSON with a final newline. */
export function recordJsonSchemaText(): string {
  return `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
}
