// The worker pool of a run, started when first needed: early (to overlap discovery and hashing) when the run will
// surely extract, else at the first file that needs a worker.
import { WorkerPool, type PoolOptions } from './pool.js';

/** The pool, made when first needed; one that cannot start is reported where a file first needs it. */
export class PoolStarter {
  private pool: WorkerPool | null = null;
  constructor(private readonly options: PoolOptions) {}
  warm(files: number): void {
    try {
      this.pool ??= new WorkerPool(this.options);
      this.pool.warm(files);
    } catch {
      this.pool = null;
    }
  }
  get(): WorkerPool {
    this.pool ??= new WorkerPool(this.options);
    return this.pool;
  }
  async destroy(): Promise<void> {
    await this.pool?.destroy();
  }
  peakTreeRssMb(): number {
    return this.pool?.peakTreeRssMb ?? 0;
  }
}
