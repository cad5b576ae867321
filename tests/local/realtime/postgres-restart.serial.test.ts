// The local Realtime across a Postgres restart: no committed change is lost and delivery goes on.
// It restarts the test cluster, so it runs on its own after the other files (*.serial.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { restartCluster } from '../../../local/postgres/cluster.ts';
import { stackProfile } from '../../../local/config.ts';
import { sql } from '../../support/db.ts';
import { testStack } from '../../support/stack.ts';
import { newUser, realtimeClient, sleep, subscribed, waitFor } from './clients.ts';
import { collect, ensureProbeTables, insertFor, type ProbeRow } from './probe.ts';

beforeAll(ensureProbeTables);

describe('local Realtime across a Postgres restart', () => {
  it('loses no committed change and keeps delivering', async () => {
    const user = await newUser();
    const channel = (await realtimeClient('2.0.0', user.token)).channel('live:restart', { config: { private: true } });
    const seen = collect(channel, { event: 'INSERT' });
    await subscribed(channel);
    const expected: number[] = [];
    for (let i = 0; i < 20; i++) expected.push((await insertFor(user.id, `before ${i}`, i)).id);
    await sql.end({ timeout: 5 }).catch(() => {});
    await restartCluster(stackProfile('test'));
    const { default: postgres } = await import('postgres');
    const fresh = postgres(testStack.SUPABASE_DB_URL, { max: 1, onnotice: () => {} });
    try {
      for (let i = 0; i < 20; i++) expected.push(Number((await fresh<ProbeRow[]>`insert into public.rt_probe_messages (owner, body, n) values (${user.id}, ${`after ${i}`}, ${i}) returning *`)[0]!.id));
      await waitFor(() => seen.length >= expected.length, 'every row from before and after the restart', 60_000);
      await sleep(300);
      expect(seen.map((c) => (c.new as ProbeRow).id)).toEqual(expected);
    } finally {
      await fresh.end({ timeout: 5 });
    }
  }, 180_000);
});
