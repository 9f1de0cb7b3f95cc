// 10: the output disk fills mid-run. The record writer is made to fail with ENOSPC after two records (a real full
// disk needs a small mounted filesystem, which a test cannot count on); the run must stop there with one clear
// error, not go on extracting every remaining file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let writes = 0;
vi.mock('../src/store/files.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/store/files.js')>();
  return {
    ...real,
    writeRecordFile: async (outDir: string, rel: string, json: string) => {
      if (++writes > 2) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${rel}'`), { code: 'ENOSPC' });
      return real.writeRecordFile(outDir, rel, json);
    },
  };
});

const { DiskFullError, runPipeline } = await import('../src/pipeline/run.js');

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'plansift-full-'));
  mkdirSync(join(base, 'in'));
  for (let i = 0; i < 60; i++) writeFileSync(join(base, 'in', `plan-${i}.txt`), `# Plan ${i}\n\n## Executive summary\n\n${'Text. '.repeat(50 + i)}\n`);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a full output disk', () => {
  it('stops the run at the first ENOSPC with a DiskFullError saying so, without extracting the rest', async () => {
    const extracted: string[] = [];
    const run = runPipeline(
      { input: join(base, 'in'), outDir: join(base, 'out'), timeoutMs: 30_000, maxMemoryMb: 1024, concurrency: 1 },
      (e) => {
        if (e.kind === 'file') extracted.push(e.rel);
      },
    );
    await expect(run).rejects.toThrow(DiskFullError);
    await expect(run).rejects.toThrow(/^output disk is full \(ENOSPC: no space left on device, write 'plan-\d+\.txt'\); stopped, the next run finishes the rest$/);
    expect(extracted).toHaveLength(2);
    // The pool was stopped: only the files in flight at the time reached the writer.
    expect(writes).toBeLessThan(8);
  }, 60_000);
});
