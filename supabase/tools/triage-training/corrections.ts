// Tickets technicians corrected, as training examples: the `train` command folds them into the training set when it
// is given a database URL. A correction row (public.triage_corrections: ticket_id, field, from_value, to_value) says
// what triage should have said; the latest correction per ticket and field wins, uncorrected fields keep the
// ticket's current value. Tolerant by design: a database without the table (older schema) gives no corrections.
import { z } from 'npm:zod@4';
import type { Sql } from '../../functions/_shared/db/postgres.ts';
import { TicketCategory, urgencyLevels } from '../../functions/_shared/triage/triage-schema.ts';
import type { TrainingTicket } from './train.ts';

const CorrectedTicketRow = z.object({
  subject: z.string(),
  body: z.string(),
  category: TicketCategory.nullable(),
  urgency: z.enum(urgencyLevels).nullable(),
});

export async function readCorrectedTickets(sql: Sql): Promise<TrainingTicket[]> {
  const [table] = await sql`select to_regclass('public.triage_corrections') is not null as present,
    exists (select 1 from information_schema.columns
            where table_schema = 'public' and table_name = 'triage_corrections' and column_name = 'created_at') as dated`;
  if (!table?.present) return [];
  // Without a created_at column the order of corrections is unknown; the highest value wins then (deterministic).
  const latest = table.dated ? sql`order by correction.created_at desc` : sql`order by correction.to_value desc`;
  const rows = await sql`
    select ticket.subject, ticket.content as body,
           coalesce((select correction.to_value from public.triage_corrections correction
                     where correction.ticket_id = ticket.id and correction.field = 'category' ${latest} limit 1),
                    ticket.category::text) as category,
           coalesce((select correction.to_value from public.triage_corrections correction
                     where correction.ticket_id = ticket.id and correction.field = 'urgency' ${latest} limit 1),
                    ticket.urgency::text) as urgency
    from public.tickets ticket
    where exists (select 1 from public.triage_corrections correction where correction.ticket_id = ticket.id)
    order by ticket.id`;
  return z.array(CorrectedTicketRow).parse(rows)
    // A ticket never triaged and corrected on one field only has no label for the other: it cannot teach both models.
    .flatMap((row) => row.category && row.urgency ? [{ subject: row.subject, body: row.body, category: row.category, urgency: row.urgency }] : []);
}
