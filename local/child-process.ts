// Runs a command to completion without blocking the event loop. The stack's own steps (pg_ctl -w, initdb, the
// Supabase CLI) also run inside vitest workers (the fault and stack-error tests), and a worker whose event loop is
// blocked for a minute misses vitest's RPC deadline: every test passes and the run still fails ("Timeout calling
// onTaskUpdate") — which is what a synchronous `pg_ctl start -w` during crash recovery on a loaded box can do.
import { spawn } from 'node:child_process';

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they arrived, interleaved. */
  output: string;
  /** Set when the command could not be started at all (e.g. not installed). */
  error?: Error;
}

/** `echo` also streams the command's output to ours as it comes (the test runner shows each suite live). */
export function runCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {}): Promise<CommandResult> {
  const { echo = false, ...spawnOptions } = options;
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      output += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      output += chunk;
      if (echo) process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ status: null, stdout, stderr, output, error }));
    child.on('close', (status) => resolve({ status, stdout, stderr, output }));
  });
}
