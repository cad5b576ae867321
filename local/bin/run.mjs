#!/usr/bin/env node
// Entry point of `npm start`, `npm test`, `npm run status` and `npm run bench`.
// Plain JavaScript with no dependencies on purpose: on a fresh machine nothing is
// installed yet, so this file installs the project's npm packages first and then
// hands over to the TypeScript CLI in local/cli.ts (run through tsx).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function npmInstallNeeded() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  // npm rewrites node_modules/.package-lock.json on every install; if package-lock.json or
  // package.json is newer, somebody pulled new dependencies since the last install (a dependency
  // can arrive in package.json alone: npm install then resolves it and records it in the lock).
  const installedAt = statSync(marker).mtimeMs + 1000;
  return ['package-lock.json', 'package.json'].some((file) => statSync(join(root, file)).mtimeMs > installedAt);
}

if (npmInstallNeeded()) {
  // `npm install` rather than `npm ci`: npm 11 refuses `ci` when the lock file lacks the optional
  // packages of other platforms (deno, rollup), which it leaves out on some set-ups.
  console.log('• Installing npm packages (npm install)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('✖ npm install failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!pkg.name) process.exit(1);

const child = spawn(
  process.execPath,
  // supabase-js (used by benchmarks) needs a global WebSocket; Node 20 has undici's behind a flag.
  ['--experimental-websocket', '--no-warnings=ExperimentalWarning', '--import', 'tsx', join(root, 'local', 'cli.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
// Ctrl-C reaches the child through the shared process group, so SIGINT is only
// awaited here; SIGTERM (e.g. from a supervisor) is passed on explicitly.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
