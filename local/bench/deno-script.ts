// Benchmarks whose measured code is edge-function code run their inner half with Deno (kb-corpus.mts,
// assistant-retrieval.mts): this runs one such script and returns the JSON lines it printed, parsed by `schema`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { z } from 'zod';
import { projectRoot } from '../config.ts';

export function runDenoBenchScript<T extends z.ZodType>(script: string, args: readonly string[], schema: T, env: NodeJS.ProcessEnv = process.env): Promise<Array<z.infer<T>>> {
  return new Promise((resolve, reject) => {
    const deno = spawn(join(projectRoot, 'node_modules', '.bin', 'deno'), ['run', '--allow-all', '--no-prompt', join(projectRoot, 'local', 'bench', script), ...args], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    deno.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    deno.on('error', reject);
    deno.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      resolve(output.split('\n').filter((line) => line.startsWith('{')).map((line) => schema.parse(JSON.parse(line))));
    });
  });
}
