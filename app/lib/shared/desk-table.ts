// The desk's compact table view (issue 16): which layout, which column it is sorted by, which way. Beside the
// board's own query (lib/shared/desk-board.ts), so the lane and filters stay the board's; `layout=table` switches.
import { z } from 'zod';
import { deskBoardSearch, type DeskBoardQuery } from '~/lib/shared/desk-board';

export const deskTableColumns = ['number', 'subject', 'customer', 'urgency', 'sla', 'status', 'assignee', 'activity'] as const;
export type DeskTableColumn = (typeof deskTableColumns)[number];
export const deskTableColumnLabel: Record<DeskTableColumn, string> = {
  number: 'Number',
  subject: 'Subject',
  customer: 'Customer',
  urgency: 'Urgency',
  sla: 'SLA due',
  status: 'Status',
  assignee: 'Assignee',
  activity: 'Last activity',
};

export const deskTableQuerySchema = z.object({
  layout: z.enum(['cards', 'table']).catch('cards'),
  column: z.enum(deskTableColumns).catch('sla'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});
export type DeskTableQuery = z.infer<typeof deskTableQuerySchema>;

export function parseDeskTableQuery(searchParams: URLSearchParams): DeskTableQuery {
  return deskTableQuerySchema.parse({ layout: searchParams.get('layout'), column: searchParams.get('column'), dir: searchParams.get('dir') });
}

/** A board URL's query string with the table's settings (defaults left out). */
export function deskTableSearch(board: Partial<DeskBoardQuery>, table: DeskTableQuery): string {
  const params = new URLSearchParams(deskBoardSearch(board));
  if (table.layout === 'table') {
    params.set('layout', 'table');
    if (table.column !== 'sla') params.set('column', table.column);
    if (table.dir !== 'asc') params.set('dir', table.dir);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** A row of the table view. */
export interface DeskTableRow {
  id: string;
  number: string;
  subject: string;
  customerName: string;
  urgency: string | null;
  priority: string;
  slaDueAt: string | null;
  slaBreached: boolean;
  status: string;
  assignedTo: string | null;
  assignedToName: string | null;
  lastActivityAt: string;
  /** The last message of the conversation (or the description), on one line. */
  snippet: string;
}

export const bulkActions = ['assign-to-me', 'waiting_on_customer', 'in_progress', 'close'] as const;
export type BulkAction = (typeof bulkActions)[number];
export const bulkActionLabel: Record<BulkAction, string> = {
  'assign-to-me': 'Assign to me',
  waiting_on_customer: 'Set waiting on customer',
  in_progress: 'Set in progress',
  close: 'Close',
};

export const bulkFormSchema = z.object({
  bulkAction: z.enum(bulkActions, { error: 'Choose what to do with the selected tickets.' }),
  ticketIds: z.array(z.string().uuid()).min(1, 'Select at least one ticket.').max(200, 'Select at most 200 tickets.'),
});
