// The seeded knowledge base is embedded in the background (the embed worker, woken by pg_net or by pg_cron at the
// next minute). Tests that count chunks or ask the assistant start once that is done, nudging the worker as pg_net
// would, so they never race a fresh stack. Shared by the test runner (before pgTAP) and the vitest support code.
import type postgres from 'postgres';

export interface EmbedWorkerAccess {
  sql: postgres.Sql;
  apiUrl: string;
  serviceRoleKey: string;
}

/** Resolves true once no embed job is queued or running, false if that did not happen within `timeoutMs`. */
export async function waitForEmbeddedKnowledgeBase({ sql, apiUrl, serviceRoleKey }: EmbedWorkerAccess, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [{ open } = { open: 0 }] = await sql<{ open: number }[]>`
      select count(*)::int as open from private.jobs where kind = 'embed' and status in ('queued', 'running')`;
    if (open === 0) return true;
    await fetch(`${apiUrl}/functions/v1/embed`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
