// docs/templates.md is the template catalogue in the repository: it must list exactly the sections of each
// templates/*.json, in order, with the same required/optional marks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/segment/index.js';

const doc = readFileSync(new URL('../docs/templates.md', import.meta.url), 'utf8');

describe('docs/templates.md', () => {
  const templates = loadTemplates();
  it('covers every bundled template', () => {
    expect(templates.length).toBeGreaterThanOrEqual(3);
    for (const t of templates) expect(doc, t.id).toContain(`## \`${t.id}\``);
  });

  it.each(templates.map((t) => [t.id, t] as const))('%s: same sections, order and required marks as the JSON', (id, t) => {
    const start = doc.indexOf(`## \`${id}\``);
    const end = doc.indexOf('\n## ', start + 1);
    const rows = doc.slice(start, end === -1 ? undefined : end).split('\n')
      .map((l) => /^\| ([a-z0-9_.]+)( \(optional\))? \|/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && m[1] !== 'id') // not the header row
      .map((m) => ({ id: m[1], required: !m[2] }));
    expect(rows).toEqual(t.sections.map((s) => ({ id: s.id, required: s.required })));
  });
});
