// Installs what the local stack needs from Debian's packages (and pgvector from
// Debian's trixie source package, which bookworm lacks), plus our SQL-only stand-ins
// for pg_net and supabase_vault. Every step checks first, so a warm machine pays nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, StackError } from './config.ts';
import { step } from './log.ts';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
const PG_CONFIG = join(PG_BIN, 'pg_config');
const PGVECTOR_VERSION = '0.8.0';

const serverPackages = [
  'postgresql-15',
  'postgresql-15-cron',
  'postgresql-15-pgtap',
  'postgresql-15-plpgsql-check',
  'postgresql-15-wal2json',
  'postgresql-server-dev-15',
  'libtap-parser-sourcehandler-pgtap-perl', // pg_prove
  'build-essential',
];
/** Only `npm test` needs a browser (and pdftoppm to look at generated PDFs). */
export const testPackages = ['chromium', 'poppler-utils'];

function missingPackages(names: string[]): string[] {
  return names.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

let aptUpdated = false;
function aptInstall(names: string[]): void {
  if (process.getuid?.() !== 0) {
    throw new StackError(
      `These Debian packages are missing: ${names.join(' ')}.\n` +
        `  Install them once as root: sudo apt-get install -y ${names.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { env });
}

export function ensurePackages(names: string[]): void {
  const missing = missingPackages(names);
  if (missing.length === 0) return;
  step(`Installing Debian packages: ${missing.join(', ')}`);
  aptInstall(missing);
}

function sharedir(): string {
  return execFileSync(PG_CONFIG, ['--sharedir'], { encoding: 'utf8' }).trim();
}

/** pgvector 0.8.0 built from Debian trixie's source package, with a private apt source list. */
function ensurePgvector(): void {
  const control = join(sharedir(), 'extension', 'vector.control');
  if (existsSync(control) && readFileSync(control, 'utf8').includes(`default_version = '${PGVECTOR_VERSION}'`)) return;
  step(`Building pgvector ${PGVECTOR_VERSION} from Debian's source package`);
  const work = join(projectRoot, '.stack', 'build', 'pgvector');
  mkdirSync(join(work, 'lists', 'partial'), { recursive: true });
  const sourceList = join(work, 'sources.list');
  // A private source list keeps the system's apt configuration untouched.
  writeFileSync(
    sourceList,
    'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n',
  );
  const aptOptions = [
    '-o', `Dir::Etc::SourceList=${sourceList}`,
    '-o', 'Dir::Etc::SourceParts=/dev/null',
    '-o', `Dir::State::Lists=${join(work, 'lists')}`,
  ];
  run('apt-get', [...aptOptions, 'update', '-qq']);
  run('apt-get', [...aptOptions, 'source', '--download-only', '-qq', 'pgvector'], { cwd: work });
  const tarball = readdirSync(work).find((name) => name.startsWith(`pgvector_${PGVECTOR_VERSION}`) && name.endsWith('.orig.tar.gz'));
  if (!tarball) throw new StackError(`pgvector ${PGVECTOR_VERSION} source was not found in Debian trixie.`);
  run('tar', ['-xzf', tarball], { cwd: work });
  const sourceDir = join(work, `pgvector-${PGVECTOR_VERSION}`);
  // OPTFLAGS='' keeps the build portable (no -march=native), as distribution builds do.
  run('make', ['-s', `PG_CONFIG=${PG_CONFIG}`, 'OPTFLAGS=', '-j2'], { cwd: sourceDir });
  run('make', ['-s', `PG_CONFIG=${PG_CONFIG}`, 'install'], { cwd: sourceDir });
}

/** Copies local/extensions/<name>/* (control + SQL scripts) into PostgreSQL's extension directory. */
function ensureStandInExtensions(): void {
  const target = join(sharedir(), 'extension');
  const sourceRoot = join(projectRoot, 'local', 'extensions');
  if (!existsSync(sourceRoot)) return;
  for (const extension of readdirSync(sourceRoot)) {
    for (const file of readdirSync(join(sourceRoot, extension))) {
      const from = join(sourceRoot, extension, file);
      const to = join(target, file);
      if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue;
      if (process.getuid?.() !== 0) {
        throw new StackError(`Copy ${from} to ${target} as root (the stand-in extension ${extension}).`);
      }
      copyFileSync(from, to);
    }
  }
}

export function ensureSystem(): void {
  ensurePackages(serverPackages);
  ensurePgvector();
  ensureStandInExtensions();
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new StackError(`${command} ${args.slice(0, 3).join(' ')} failed`, output || result.error?.message);
  }
}
