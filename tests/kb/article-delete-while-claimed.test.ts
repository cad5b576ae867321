// Deleting an article while the embed worker holds its job (migration 20261205000400). Before, the delete's trigger
// waited for the job row the worker's claim held, while the claim's commit-time status upsert waited for the article
// row the delete held: a deadlock, seen in the suite under load. Now the delete leaves a held job alone and the
// worker completes it as "article gone". The claim is reproduced by hand (a transaction that locks and updates the
// job row as claim_jobs does); the delete runs under lock_timeout, so waiting for that row fails the test.
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';
import { uniqueWord } from './support.ts';

const pool = postgres(testStack.SUPABASE_DB_URL, { max: 2, onnotice: () => {} });
afterAll(() => pool.end({ timeout: 5 }));

/** An article whose embed job is queued and out of the real worker's reach (due in an hour). */
async function articleWithParkedJob(): Promise<{ articleId: string; jobId: string }> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const word = uniqueWord('parked');
    const [article] = await sql<{ id: string }[]>`
      insert into public.kb_articles (slug, title, content, category) values (${`kb-parked-${word}`}, ${`Parked ${word}`}, 'text', 'product')
      returning id`;
    // The worker is woken at commit and may claim the job first; then try again with a new article.
    const [job] = await sql<{ id: string }[]>`
      update private.jobs set next_attempt_at = now() + interval '1 hour'
      where kind = 'embed' and status = 'queued' and payload = ${sql.json({ article_id: article!.id })}
      returning id`;
    if (job) return { articleId: article!.id, jobId: job.id };
    await sql`delete from public.kb_articles where id = ${article!.id}`;
  }
  throw new Error('the embed worker claimed every job before it could be parked');
}

describe('deleting an article while its embed job is held', () => {
  it('does not wait for the held job, and the holder still commits', async () => {
    const { articleId, jobId } = await articleWithParkedJob();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = pool.begin(async (tx) => {
      await tx`select id from private.jobs where id = ${jobId} for update`;
      await tx`update private.jobs set status = 'running', locked_by = 'test-holder', locked_at = now(), attempts = attempts + 1 where id = ${jobId}`;
      holding();
      await released;
    });
    await held;
    try {
      await pool.begin(async (tx) => {
        await tx`set local lock_timeout = '10s'`;
        const deleted = await tx`delete from public.kb_articles where id = ${articleId} returning id`;
        expect(deleted).toHaveLength(1);
      });
    } finally {
      release();
      await holder;
    }
    const [job] = await sql<{ status: string }[]>`select status from private.jobs where id = ${jobId}`;
    expect(job?.status).toBe('running'); // left to its holder, who will find the article gone
    await sql`delete from private.jobs where id = ${jobId}`;
  });
});
