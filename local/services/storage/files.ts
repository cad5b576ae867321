// The objects' bytes on disk, in the stack's folder (.stack/<profile>/storage). Each stored version of an object is
// one file named by its version (a UUID), never by the object's name, so no name can reach outside the folder and a
// move or rename is a row update only. An upload is written to tmp/ first and renamed into objects/ inside the
// database transaction that records it: a refused or interrupted upload leaves neither a row nor a file.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, type ReadStream } from 'node:fs';
import { copyFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { storageError } from './errors.ts';

export interface WrittenFile {
  tempPath: string;
  size: number;
  /** Quoted MD5 of the bytes, as S3 and Supabase Storage report an ETag. */
  eTag: string;
}

/** Files found in objects/ with no row for longer than this are removed by the sweep (uploads commit in ms). */
const ORPHAN_GRACE_MS = 15 * 60 * 1000;

export class ObjectFiles {
  private readonly objectsDir: string;
  private readonly tempDir: string;

  constructor(root: string) {
    this.objectsDir = join(root, 'objects');
    this.tempDir = join(root, 'tmp');
    mkdirSync(this.objectsDir, { recursive: true });
    mkdirSync(this.tempDir, { recursive: true });
  }

  pathOf(version: string): string {
    if (!/^[0-9a-f-]{36}$/.test(version)) throw new Error(`not an object version: ${version}`);
    return join(this.objectsDir, version);
  }

  /** Streams a body into a temporary file, refusing it as soon as it passes `limitBytes`; the file is gone on any error. */
  async writeTemp(body: Readable, limitBytes: number, isTruncated: () => boolean = () => false): Promise<WrittenFile> {
    const tempPath = join(this.tempDir, randomUUID());
    const hash = createHash('md5');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limitBytes) return done(storageError.entityTooLarge());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(tempPath));
      if (isTruncated()) throw storageError.entityTooLarge();
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, size, eTag: `"${hash.digest('hex')}"` };
  }

  /** Moves a written upload into place as `version` (called inside the transaction that records it). */
  async install(tempPath: string, version: string): Promise<void> {
    await rename(tempPath, this.pathOf(version));
  }

  async copy(fromVersion: string, toVersion: string): Promise<void> {
    await copyFile(this.pathOf(fromVersion), this.pathOf(toVersion));
  }

  read(version: string): ReadStream {
    // 1 MiB reads: large downloads go out in fewer, larger writes.
    return createReadStream(this.pathOf(version), { highWaterMark: 1024 * 1024 });
  }

  async remove(version: string | null | undefined): Promise<void> {
    if (version) await rm(this.pathOf(version), { force: true });
  }

  async discardTemp(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }

  /**
   * Removes files no row names any more (a row deleted by SQL with storage.allow_delete_query, a crash between
   * commit and unlink) and temporary files of uploads that never finished.
   */
  async sweep(liveVersions: Set<string>): Promise<number> {
    let removed = 0;
    const cutoff = Date.now() - ORPHAN_GRACE_MS;
    for (const [dir, isOrphan] of [
      [this.objectsDir, (name: string) => !liveVersions.has(name)],
      [this.tempDir, () => true],
    ] as const) {
      for (const name of await readdir(dir)) {
        const path = join(dir, name);
        const info = await stat(path).catch(() => undefined);
        if (info && info.mtimeMs < cutoff && isOrphan(name)) {
          await rm(path, { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
