// `npm run bench`: every benchmark, or `npm run bench -- <name>` for one (prefix match).
// Benchmarks run on their own stack profile (`bench`, ports 56321/56322) so they never
// touch `npm start`'s data. Figures are medians of `--runs N` runs (default 3).
import { bold, fail } from '../log.ts';
import { stackReady } from './stack-ready.ts';
import { appRlsBenchmark } from './app-rls.ts';
import { kbBenchmark } from './kb.ts';
import { dataModelBenchmark } from './data-model.ts';
import { authBenchmark } from './auth.ts';
import { realtimeBenchmark } from './realtime.ts';
import { triageBenchmark } from './triage.ts';
import { claimBenchmark } from './claim.ts';
import { loadBenchmark } from './load.ts';
import { deskBenchmark } from './desk.ts';
import { storageBenchmark } from './storage.ts';
import { assistantBenchmark } from './assistant.ts';

export interface BenchmarkContext {
  runs: number;
  /** The command line after `bench`, for a benchmark's own flags (e.g. load's `--customers 20`). */
  argv: string[];
}

export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchmarkContext): Promise<void>;
}

const benchmarks: Benchmark[] = [stackReady, authBenchmark, appRlsBenchmark, dataModelBenchmark, realtimeBenchmark, triageBenchmark, kbBenchmark, claimBenchmark, loadBenchmark, deskBenchmark, storageBenchmark, assistantBenchmark];

/** Flags that take no value. */
const booleanFlags = new Set(['--cpu-prof', '--db-stats']);

export async function runBenchmarks(argv: string[]): Promise<number> {
  const runsIndex = argv.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(argv[runsIndex + 1]) : 3;
  // A word after a `--flag` is that flag's value (`--runs 3`, `--seconds 30`), not a benchmark's name.
  const previous = (index: number) => argv[index - 1] ?? '';
  const names = argv.filter((arg, index) => !arg.startsWith('--') && !(previous(index).startsWith('--') && !booleanFlags.has(previous(index))));
  const selected = names.length ? benchmarks.filter((b) => names.some((name) => b.name.startsWith(name))) : benchmarks;
  if (selected.length === 0) {
    fail(`No benchmark matches ${names.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}`);
    return 1;
  }
  let failures = 0;
  for (const benchmark of selected) {
    console.log(`\n${bold(benchmark.name)} — ${benchmark.description}`);
    try {
      await benchmark.run({ runs, argv });
    } catch (error) {
      failures++;
      fail(`${benchmark.name}: ${(error as Error).message}`);
    }
  }
  return failures === 0 ? 0 : 1;
}
