// The seeded knowledge base is embedded in the background by the stack's own pg_net wake-ups and pg_cron; tests that
// ask the assistant wait until it is, nudging the embed worker as pg_net would, so they never race a fresh stack.
import { sql } from './db.ts';
import { testStack } from './stack.ts';

export async function waitForEmbeddedKnowledgeBase(attempts = 120): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const [{ open } = { open: 0 }] = await sql`select count(*)::int as open from private.jobs where kind = 'embed' and status in ('queued', 'running')`;
    if (open === 0) return;
    await fetch(`${testStack.SUPABASE_URL}/functions/v1/embed`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${testStack.SUPABASE_SERVICE_ROLE_KEY}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
  }
  throw new Error('the seeded knowledge base was not embedded in time');
}
