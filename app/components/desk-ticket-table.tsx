// The desk's compact table view (issue 16): one row per ticket with SLA due, status, assignee, last activity and a
// one-line snippet; every column header sorts (a link, so the order is in the URL); checkboxes select rows for a bulk
// assign, status or close. Beside the cards, not instead of them.
import { Form, Link } from '@remix-run/react';
import { useState } from 'react';
import type { DeskBoardQuery } from '~/lib/shared/desk-board';
import { bulkActionLabel, bulkActions, deskTableColumnLabel, deskTableColumns, deskTableSearch, type DeskTableQuery, type DeskTableRow } from '~/lib/shared/desk-table';
import { ticketStatusLabel, ticketStatuses, type TicketStatus } from '~/lib/shared/ticket-status';
import { SlaCountdown } from './sla-countdown';
import { LocalTime } from './time';

const statusName = (status: string) => ((ticketStatuses as readonly string[]).includes(status) ? ticketStatusLabel[status as TicketStatus] : status);

export function DeskTicketTable({ rows, board, table, busy }: { rows: DeskTableRow[]; board: DeskBoardQuery; table: DeskTableQuery; busy: boolean }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const { cursor: _page, ...filters } = board;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  return (
    <Form method="post" className="desk-table-form" onSubmit={() => setSelected(new Set())}>
      <input type="hidden" name="intent" value="bulk" />
      <div className="desk-bulk-bar" role="group" aria-label="Bulk actions">
        <span data-testid="selected-count">{selected.size} selected</span>
        <label htmlFor="bulk-action" className="visually-hidden">
          Action for the selected tickets
        </label>
        <select id="bulk-action" name="bulkAction" defaultValue="close">
          {bulkActions.map((action) => (
            <option key={action} value={action}>
              {bulkActionLabel[action]}
            </option>
          ))}
        </select>
        <button type="submit" className="button small" disabled={busy || selected.size === 0}>
          Apply to selected
        </button>
      </div>
      <table className="data-table desk-table table-as-list" data-testid="desk-table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
              />
            </th>
            {deskTableColumns.map((column) => {
              const active = table.column === column;
              const nextDir = active && table.dir === 'asc' ? 'desc' : 'asc';
              return (
                <th key={column} scope="col" aria-sort={active ? (table.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <Link to={`/desk${deskTableSearch(filters, { layout: 'table', column, dir: nextDir })}`} data-testid={`sort-${column}`}>
                    {deskTableColumnLabel[column]}
                    {active ? (table.dir === 'asc' ? ' ↑' : ' ↓') : ''}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="desk-table-row" data-ticket-number={row.number}>
              <td>
                <input type="checkbox" name="ticketIds" value={row.id} aria-label={`Select ${row.number}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
              </td>
              <td data-label={deskTableColumnLabel.number}>
                <Link to={`/desk/tickets/${row.id}`}>{row.number}</Link>
              </td>
              <td data-label={deskTableColumnLabel.subject}>
                <span className="desk-table-subject">{row.subject}</span>
                <span className="desk-table-snippet muted" title={row.snippet}>{row.snippet}</span>
              </td>
              <td data-label={deskTableColumnLabel.customer}>{row.customerName}</td>
              <td data-label={deskTableColumnLabel.urgency}>{row.urgency ?? '—'}</td>
              <td data-label={deskTableColumnLabel.sla}>
                <SlaCountdown dueAt={row.slaDueAt} breached={row.slaBreached} />
              </td>
              <td data-label={deskTableColumnLabel.status}>{statusName(row.status)}</td>
              <td data-label={deskTableColumnLabel.assignee}>{row.assignedToName ?? '—'}</td>
              <td data-label={deskTableColumnLabel.activity}>
                <LocalTime iso={row.lastActivityAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Form>
  );
}
