import { readFileSync } from 'node:fs';
import { extractDocument } from '../dist/extract/index.js';
for (const f of process.argv.slice(2)) {
  const t = performance.now();
  try {
    const doc = await extractDocument(readFileSync(f), f);
    console.log('==', f, Math.round(performance.now() - t), 'ms', doc.blocks.length, 'blocks');
    console.log(doc.messages.map((m) => m.level + ' ' + m.message).join('\n'));
    if (process.env.TEXT) console.log(doc.text);
  } catch (e) { console.log('==', f, Math.round(performance.now() - t), 'ms ERR', e.reason, e.message); }
}
