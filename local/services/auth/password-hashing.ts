// bcrypt on a pool of worker threads. bcryptjs is pure JavaScript: on the event loop, 50
// concurrent sign-ins would queue behind each other (and stall every other request of the
// stack); in workers they use every core, as GoTrue's goroutines do.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

type Job = { resolve: (value: string | boolean) => void; reject: (error: Error) => void };
type Request = { operation: 'hash'; password: string; cost: number } | { operation: 'compare'; password: string; hash: string };

interface PooledWorker {
  worker: Worker;
  pending: Map<number, Job>;
}

let pool: PooledWorker[] | undefined;
let nextId = 0;

function createPool(): PooledWorker[] {
  return Array.from({ length: Math.max(1, availableParallelism()) }, () => {
    const worker = new Worker(new URL('./password-worker.mjs', import.meta.url));
    const pending = new Map<number, Job>();
    worker.on('message', (message: { id: number; result?: string | boolean; error?: string }) => {
      const job = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve(message.result!);
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    // Idle workers must not keep a finished process (a test, a benchmark) alive.
    worker.unref();
    return { worker, pending };
  });
}

function run(request: Request): Promise<string | boolean> {
  pool ??= createPool();
  const target = pool.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    target.pending.set(id, { resolve, reject });
    target.worker.postMessage({ id, ...request });
  });
}

export async function bcryptHash(password: string, cost: number): Promise<string> {
  return (await run({ operation: 'hash', password, cost })) as string;
}

export async function bcryptCompare(password: string, hash: string): Promise<boolean> {
  return (await run({ operation: 'compare', password, hash })) as boolean;
}

export async function closePasswordHashing(): Promise<void> {
  const workers = pool ?? [];
  pool = undefined;
  await Promise.all(workers.map(({ worker }) => worker.terminate()));
}
