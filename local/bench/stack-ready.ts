// Time until the stack answers: cold (new cluster, bootstrap, every migration and the seed)
// and warm (existing cluster, nothing new to migrate), medians of several runs.
import { rmSync } from 'node:fs';
import { stackProfile } from '../config.ts';
import { startStack } from '../stack.ts';
import { median, reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

export const stackReady: Benchmark = {
  name: 'stack.ready',
  description: 'time to a ready stack (database migrated and seeded, gateway answering), cold and warm',
  async run({ runs }) {
    const profile = stackProfile('bench');
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      rmSync(profile.stateDir, { recursive: true, force: true });
      let started = performance.now();
      let stack = await startStack('bench', { keepData: false });
      await fetch(`${stack.apiUrl}/auth/v1/health`);
      cold.push((performance.now() - started) / 1000);
      await stack.stop();
      started = performance.now();
      stack = await startStack('bench', { keepData: true });
      await fetch(`${stack.apiUrl}/auth/v1/health`);
      warm.push((performance.now() - started) / 1000);
      await stack.stop();
    }
    table([
      { start: 'cold', median_s: median(cold).toFixed(2), runs: cold.map((s) => s.toFixed(2)).join(' ') },
      { start: 'warm', median_s: median(warm).toFixed(2), runs: warm.map((s) => s.toFixed(2)).join(' ') },
    ]);
    reportFigure('stack.ready.cold', median(cold), 's');
    reportFigure('stack.ready.warm', median(warm), 's');
  },
};
