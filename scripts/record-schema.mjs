#!/usr/bin/env node
// Writes docs/record.schema.json from the zod schemas (uses dist/: `npm run schema` builds first).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { recordJsonSchemaText } = await import('../dist/record/jsonSchema.js');
const target = fileURLToPath(new URL('../docs/record.schema.json', import.meta.url));
writeFileSync(target, recordJsonSchemaText());
console.log(`wrote ${target}`);
