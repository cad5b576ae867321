// Buckets declared in config.toml ([storage.buckets.<name>]) are created, then updated, when Storage starts, as
// `supabase start` does; and the sizes there are read as the CLI reads them (powers of 1024). A Storage service of
// its own is started here with such a config, on the test stack's database and keys.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { readProjectConfig, type ProjectConfig } from '../../local/config.ts';
import { startGateway } from '../../local/services/gateway.ts';
import { loadStackKeys } from '../../local/services/keys.ts';
import { configSizeToBytes, createStorageService } from '../../local/services/storage/index.ts';
import { testStack } from '../support/stack.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function storageWith(buckets: ProjectConfig['storage']['buckets']) {
  const config = readProjectConfig();
  const keys = await loadStackKeys(testStack.SUPPORT_HUB_STATE_DIR);
  const stateDir = mkdtempSync(join(tmpdir(), 'support-hub-storage-'));
  folders.push(stateDir);
  const service = createStorageService({ keys, dbUrl: testStack.SUPABASE_DB_URL, config: { ...config, storage: { ...config.storage, buckets } }, stateDir });
  const gateway = await startGateway(0, [service]);
  const url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  const client = createClient(url, testStack.SUPABASE_SERVICE_ROLE_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
  return { client, stop: () => gateway.close() };
}

describe('buckets declared in config.toml', () => {
  it('are created on start and updated on the next start', async () => {
    const name = `declared-${randomUUID().slice(0, 8)}`;
    const first = await storageWith({ [name]: { public: false, file_size_limit: '5MiB', allowed_mime_types: ['image/png'] } });
    try {
      const { data, error } = await first.client.storage.getBucket(name);
      expect(error).toBeNull();
      expect(data).toMatchObject({ id: name, public: false, file_size_limit: 5 * 1024 * 1024, allowed_mime_types: ['image/png'] });
    } finally {
      await first.stop();
    }
    const second = await storageWith({ [name]: { public: true } });
    try {
      expect((await second.client.storage.getBucket(name)).data).toMatchObject({ public: true, file_size_limit: null, allowed_mime_types: null });
    } finally {
      await second.stop();
    }
  });

  it('reads sizes as the Supabase CLI does', () => {
    expect(configSizeToBytes('50MiB', 'x')).toBe(50 * 1024 * 1024);
    expect(configSizeToBytes('50MB', 'x')).toBe(50 * 1024 * 1024);
    expect(configSizeToBytes('512KiB', 'x')).toBe(512 * 1024);
    expect(configSizeToBytes(1000, 'x')).toBe(1000);
    expect(() => configSizeToBytes('lots', 'storage.file_size_limit')).toThrow(/storage\.file_size_limit/);
  });
});
