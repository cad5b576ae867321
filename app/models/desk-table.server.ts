// The desk's compact table view (issue 16): the lane and filters of the board (deskBoardConditions, one home), sorted
// by any column, 50 rows a page (keyset: the last row's column value and id), each with its SLA deadline and a one-line snippet of the last message; and the bulk
// actions on the selected rows (public.bulk_update_tickets: each ticket under the caller's policies and the
// lifecycle). Every function runs inside withRls as the signed-in technician.
import { z } from 'zod';
import { withRls, type RlsClaims, type RlsTransaction } from '~/lib/server/db.server';
import { DESK_PAGE_SIZE, type DeskBoardQuery } from '~/lib/shared/desk-board';
import { deskTableColumns, type BulkAction, type DeskTableColumn, type DeskTableQuery, type DeskTableRow } from '~/lib/shared/desk-table';
import { decodeCursor, encodeCursor } from '~/lib/server/keyset-cursor.server';
import { deskBoardConditions } from './desk-board.server';

export interface DeskTablePage {
  rows: DeskTableRow[];
  /** Pass as the board's `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The last row's sort value as text (null sorts last ascending, first descending: Postgres' default). */
const tableCursorSchema = z.object({
  column: z.enum(deskTableColumns),
  dir: z.enum(['asc', 'desc']),
  key: z.string().max(400).nullable(),
  id: z.string().uuid(),
});

const rowSchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  subject: z.string(),
  customer_name: z.string().nullable(),
  urgency: z.string().nullable(),
  priority: z.string(),
  sla_due_at: z.date().nullable(),
  sla_breached: z.boolean(),
  status: z.string(),
  assigned_to: z.string().uuid().nullable(),
  assigned_to_name: z.string().nullable(),
  last_activity_at: z.date(),
  snippet: z.string(),
  sort_key: z.string().nullable(),
});

/** The sort key of a column; the SLA one is tickets_sla_due_idx's. */
function columnKey(tx: RlsTransaction, column: DeskTableColumn) {
  switch (column) {
    case 'number':
      return tx`t.number`;
    case 'subject':
      return tx`t.subject`;
    case 'customer':
      return tx`coalesce(nullif(trim(customer.full_name), ''), customer.email, t.contact_email)`;
    case 'urgency':
      return tx`private.urgency_rank(t.urgency)`;
    case 'sla':
      return tx`t.sla_due_at`;
    case 'status':
      return tx`t.status`;
    case 'assignee':
      return tx`coalesce(nullif(trim(assignee.full_name), ''), assignee.email)`;
    case 'activity':
      return tx`greatest(t.updated_at, conversation.last_message_at)`;
  }
}

/**
 * A cursor's text back in its column's type, so the comparison is the ORDER BY's. Sent as text and cast in SQL:
 * a parameter the server types as timestamptz would pass through a JS Date and lose the microseconds.
 */
function typedKey(tx: RlsTransaction, column: DeskTableColumn, key: string) {
  switch (column) {
    case 'urgency':
      return tx`${key}::text::int`;
    case 'sla':
    case 'activity':
      return tx`${key}::text::timestamptz`;
    case 'status':
      return tx`${key}::text::public.ticket_status`;
    default:
      return tx`${key}::text`;
  }
}

export async function listDeskTable({ claims, query, table }: { claims: RlsClaims; query: DeskBoardQuery; table: DeskTableQuery }): Promise<DeskTablePage> {
  const parsedCursor = decodeCursor(tableCursorSchema, query.cursor);
  // A cursor of another column or direction (the sort changed) starts from the first page.
  const cursor = parsedCursor && parsedCursor.column === table.column && parsedCursor.dir === table.dir ? parsedCursor : undefined;
  const rows = await withRls(claims, (tx) => {
    const key = columnKey(tx, table.column);
    const where = deskBoardConditions(tx, query);
    if (cursor) {
      const after = cursor.key === null ? null : typedKey(tx, table.column, cursor.key);
      // Rows after the cursor in "key, id" order with nulls last (asc) or first (desc), as ORDER BY puts them.
      if (table.dir === 'asc') {
        where.push(after === null ? tx`(${key} is null and t.id > ${cursor.id}::uuid)` : tx`((${key}, t.id) > (${after}, ${cursor.id}::uuid) or ${key} is null)`);
      } else {
        where.push(after === null ? tx`(${key} is not null or t.id < ${cursor.id}::uuid)` : tx`(${key}, t.id) < (${after}, ${cursor.id}::uuid)`);
      }
    }
    const filter = where.reduce((all, condition) => tx`${all} and ${condition}`, tx`true`);
    const order = table.dir === 'desc' ? tx`${key} desc, t.id desc` : tx`${key}, t.id`;
    const pageOrder = table.dir === 'desc' ? tx`page.sort_value desc, page.id desc` : tx`page.sort_value, page.id`;
    // The page's rows first, then each one's last message. Joined in one level, the planner expected the lateral
    // lookup to run for a large share of the desk and sized its Memoize cache for that (work_mem x
    // hash_mem_multiplier, zeroed on every execution): 15 of the 19 ms this page took at 1M tickets (decision 0029).
    return tx`
      select page.id, page.number, page.subject, page.customer_name, page.urgency, page.priority, page.sla_due_at, page.sla_breached,
        page.status, page.assigned_to, page.assigned_to_name, page.last_activity_at,
        left(regexp_replace(coalesce(last_message.content, page.content), '\\s+', ' ', 'g'), 140) as snippet,
        page.sort_value::text as sort_key
      from (
        select t.id, t.number, t.subject, t.content, t.conversation_id,
          coalesce(nullif(trim(customer.full_name), ''), customer.email, t.contact_email) as customer_name,
          t.urgency::text as urgency, t.priority::text as priority, t.sla_due_at,
          (t.first_response_breached_at is not null or t.resolution_breached_at is not null) as sla_breached,
          t.status::text as status, t.assigned_to, coalesce(nullif(trim(assignee.full_name), ''), assignee.email) as assigned_to_name,
          greatest(t.updated_at, conversation.last_message_at) as last_activity_at,
          ${key} as sort_value
        from public.tickets t
        left join public.profiles customer on customer.id = t.customer_id
        left join public.profiles assignee on assignee.id = t.assigned_to
        left join public.ticket_ai_results result on result.ticket_id = t.id
        left join public.ticket_triage_failures failure on failure.ticket_id = t.id
        left join public.conversations conversation on conversation.id = t.conversation_id
        where ${filter}
        order by ${order}
        limit ${DESK_PAGE_SIZE + 1}
      ) page
      left join lateral (
        select message.content from public.messages message
        where message.conversation_id = page.conversation_id and not message.is_internal_note
        order by message.created_at desc, message.id desc limit 1
      ) last_message on true
      order by ${pageOrder}`;
  });
  const parsed = z.array(rowSchema).parse(rows);
  const page = parsed.slice(0, DESK_PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor =
    parsed.length > DESK_PAGE_SIZE && last ? encodeCursor({ column: table.column, dir: table.dir, key: last.sort_key, id: last.id }) : null;
  return {
    nextCursor,
    rows: page.map((row) => ({
      id: row.id,
      number: row.number,
      subject: row.subject,
      customerName: row.customer_name ?? 'Unknown customer',
      urgency: row.urgency,
      priority: row.priority,
      slaDueAt: row.sla_due_at?.toISOString() ?? null,
      slaBreached: row.sla_breached,
      status: row.status,
      assignedTo: row.assigned_to,
      assignedToName: row.assigned_to_name,
      lastActivityAt: row.last_activity_at.toISOString(),
      snippet: row.snippet,
    })),
  };
}

export interface BulkOutcome {
  done: number;
  refused: Array<{ ticketId: string; error: string }>;
}

/** One bulk action on the selected tickets; each is done or refused on its own. */
export async function bulkUpdateTickets({ claims, ticketIds, action }: { claims: RlsClaims; ticketIds: string[]; action: BulkAction }): Promise<BulkOutcome> {
  const rows = await withRls(claims, (tx) => {
    const [databaseAction, value] =
      action === 'assign-to-me' ? (['assign', tx`(select auth.uid())::text`] as const) : action === 'close' ? (['close', tx`null`] as const) : (['status', tx`${action}`] as const);
    return tx`select ticket_id, done, error from public.bulk_update_tickets(${ticketIds}::uuid[], ${databaseAction}, ${value})`;
  });
  const outcomes = z.array(z.object({ ticket_id: z.string().uuid(), done: z.boolean(), error: z.string().nullable() })).parse(rows);
  return {
    done: outcomes.filter((outcome) => outcome.done).length,
    refused: outcomes.filter((outcome) => !outcome.done).map((outcome) => ({ ticketId: outcome.ticket_id, error: outcome.error ?? 'Refused.' })),
  };
}
