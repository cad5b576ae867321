// The desk board (issues 5, 6 and 8): the unassigned queue by urgency then age, my tickets, all open tickets
// and the AI-failed lane; filters, sort and search in the query string (so a view can be bookmarked);
// claim / release / re-triage on each card; live through Supabase Realtime, 50 cards a page (keyset).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData, type MetaFunction, type ShouldRevalidateFunction } from '@remix-run/react';
import { z } from 'zod';
import { EmptyState } from '~/components/app-shell';
import { DeskActionNotice } from '~/components/desk-action-notice';
import { DeskTicketCard } from '~/components/desk-ticket-card';
import { DeskTicketTable } from '~/components/desk-ticket-table';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import {
  deskBoardSearch,
  deskSortLabel,
  deskSorts,
  deskViewLabel,
  deskViews,
  parseDeskBoardQuery,
  sentimentBands,
  ticketCategories,
  ticketCategoryLabel,
  urgencyFilters,
  urgencyLabel,
  type DeskBoardQuery,
  type DeskView,
} from '~/lib/shared/desk-board';
import { bulkFormSchema, deskTableSearch, parseDeskTableQuery } from '~/lib/shared/desk-table';
import { parseForm, searchParamsOf } from '~/lib/shared/forms';
import { formatTimeAgo } from '~/lib/shared/time-format';
import { ticketStatuses, ticketStatusLabel } from '~/lib/shared/ticket-status';
import type { loader as rootLoader } from '~/root';
import type { LiveStatus } from '~/lib/browser/live-conversation';
import { useLiveRevalidation } from '~/lib/browser/live-revalidate';
import {
  claimNextTicket,
  claimTicket,
  countDeskLanes,
  DeskActionRefused,
  LANE_COUNT_CAP,
  listDepartments,
  listDeskTickets,
  releaseTicket,
  requeueTicketTriage,
  type ClaimOutcome,
} from '~/models/desk-board.server';
import { bulkUpdateTickets, listDeskTable } from '~/models/desk-table.server';

export const meta: MetaFunction = () => [{ title: 'Desk · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, claims, headers } = await requireUser(request, { role: 'technician' });
  const query = parseDeskBoardQuery(searchParamsOf(request));
  const table = parseDeskTableQuery(searchParamsOf(request));
  // The table view reads its own rows (any column's order); the cards are not read behind it.
  const [page, tablePage, counts, departments] = await Promise.all([
    table.layout === 'cards' ? listDeskTickets({ claims, query }) : Promise.resolve({ tickets: [], nextCursor: null }),
    table.layout === 'table' ? listDeskTable({ claims, query, table }) : Promise.resolve({ rows: [], nextCursor: null }),
    countDeskLanes({ claims }),
    listDepartments({ claims }),
  ]);
  const now = Date.now();
  const tickets = page.tickets.map((ticket) => ({ ...ticket, age: formatTimeAgo(ticket.createdAt, now) }));
  // Both layouts page by keyset through the same `cursor` parameter; each reads only a cursor of its own.
  const nextCursor = table.layout === 'table' ? tablePage.nextCursor : page.nextCursor;
  return data({ userId: user.id, query, table, tableRows: tablePage.rows, tickets, nextCursor, counts, departments }, { headers });
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('claim'), ticketId: z.string().uuid('Choose a ticket to claim.') }),
  z.object({ intent: z.literal('release'), ticketId: z.string().uuid('Choose a ticket to release.') }),
  z.object({ intent: z.literal('retriage'), ticketId: z.string().uuid('Choose a ticket to re-triage.') }),
  z.object({ intent: z.literal('claim-next') }),
]);

type ActionResult = { tone: 'success' | 'error'; message: string; ticketId?: string };

function claimMessage(outcome: ClaimOutcome, userId: string): ActionResult {
  const ticketId = outcome.ticket_id ?? undefined;
  if (outcome.claimed) return { tone: 'success', message: `You claimed ${outcome.number}.`, ticketId };
  if (outcome.assigned_to === userId) return { tone: 'error', message: `You already have ${outcome.number}.`, ticketId };
  if (outcome.assigned_to) return { tone: 'error', message: `Already claimed by ${outcome.assigned_to_name ?? 'a colleague'}.`, ticketId };
  return { tone: 'error', message: `${outcome.number} is ${outcome.status?.replaceAll('_', ' ')} and cannot be claimed.`, ticketId };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, claims, headers } = await requireUser(request, { role: 'technician' });
  const formData = await request.formData();
  if (formData.get('intent') === 'bulk') {
    const bulk = bulkFormSchema.safeParse({ bulkAction: formData.get('bulkAction'), ticketIds: formData.getAll('ticketIds') });
    if (!bulk.success) return data<ActionResult>({ tone: 'error', message: bulk.error.issues[0]?.message ?? 'Select tickets and an action.' }, { status: 400, headers });
    const outcome = await bulkUpdateTickets({ claims, ticketIds: bulk.data.ticketIds, action: bulk.data.bulkAction });
    const refusals = outcome.refused.length > 0 ? ` ${outcome.refused.length} refused: ${outcome.refused.map((refusal) => refusal.error).join('; ')}` : '';
    return data<ActionResult>({ tone: outcome.refused.length === 0 ? 'success' : 'error', message: `${outcome.done} ticket${outcome.done === 1 ? '' : 's'} updated.${refusals}` }, { status: outcome.done > 0 || outcome.refused.length === 0 ? 200 : 409, headers });
  }
  const form = parseForm(actionSchema, formData);
  if (!form.success) {
    const message = form.fieldErrors['ticketId'] ?? 'That action is not available on the desk.';
    return data<ActionResult>({ tone: 'error', message }, { status: 400, headers });
  }
  try {
    const intent = form.data;
    let result: ActionResult;
    switch (intent.intent) {
      case 'claim':
        result = claimMessage(await claimTicket({ claims, ticketId: intent.ticketId }), user.id);
        break;
      case 'claim-next': {
        const outcome = await claimNextTicket({ claims });
        result = outcome.claimed ? claimMessage(outcome, user.id) : { tone: 'error', message: 'The queue is empty: there is no ticket to take.' };
        break;
      }
      case 'release': {
        const outcome = await releaseTicket({ claims, ticketId: intent.ticketId });
        result = { tone: 'success', message: `${outcome.number} is back on the queue.`, ticketId: intent.ticketId };
        break;
      }
      case 'retriage': {
        const { number } = await requeueTicketTriage({ claims, ticketId: intent.ticketId });
        result = { tone: 'success', message: `${number} is queued for AI triage again.`, ticketId: intent.ticketId };
        break;
      }
    }
    return data(result, { status: result.tone === 'success' ? 200 : 409, headers });
  } catch (error) {
    if (error instanceof DeskActionRefused) return data<ActionResult>({ tone: 'error', message: error.message }, { status: error.status, headers });
    throw error;
  }
}

/**
 * After any desk action, read the board again — also when the action was refused (a 409 "already claimed by"
 * means this board is stale; by default Remix skips reloading after a 4xx).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? true : defaultShouldRevalidate;

const liveLabel: Record<LiveStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

/** Any change to a ticket or an AI result the technician may see (RLS decides) reloads the board's loader. */
const liveTables = [{ table: 'tickets' }, { table: 'ticket_ai_results' }] as const;

function LaneTabs({ query, counts }: { query: DeskBoardQuery; counts: Record<'queue' | 'mine' | 'failed', number> }) {
  const countOf = (view: DeskView) => {
    if (view === 'all') return null;
    const count = counts[view];
    return count >= LANE_COUNT_CAP ? `${LANE_COUNT_CAP}+` : String(count);
  };
  const { cursor: _page, ...filters } = query;
  return (
    <nav aria-label="Lanes" className="desk-lanes">
      <ul>
        {deskViews.map((view) => (
          <li key={view}>
            <Link
              to={`/desk${deskBoardSearch({ ...filters, view, status: view === 'queue' ? undefined : filters.status })}`}
              className={view === query.view ? 'desk-lane active' : 'desk-lane'}
              aria-current={view === query.view ? 'page' : undefined}
            >
              {deskViewLabel[view]}
              {countOf(view) !== null ? <span className="desk-lane-count">{countOf(view)}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Filters({ query, departments }: { query: DeskBoardQuery; departments: Array<{ id: string; name: string }> }) {
  // key: a new query (a lane change, "Clear") resets the uncontrolled fields to the URL's values.
  return (
    <Form method="get" className="desk-filters" key={deskBoardSearch({ ...query, cursor: undefined })} aria-label="Filter tickets">
      <input type="hidden" name="view" value={query.view} />
      <div className="field desk-search">
        <label htmlFor="desk-q">Search</label>
        <input id="desk-q" type="search" name="q" defaultValue={query.q ?? ''} placeholder="Words, ticket number, customer or VIN" />
      </div>
      {query.view !== 'queue' ? (
        <div className="field">
          <label htmlFor="desk-status">Status</label>
          <select id="desk-status" name="status" defaultValue={query.status ?? ''}>
            <option value="">{query.view === 'mine' || query.view === 'all' ? 'Any open' : 'Any'}</option>
            {ticketStatuses.map((status) => (
              <option key={status} value={status}>
                {ticketStatusLabel[status]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="desk-category">Category</label>
        <select id="desk-category" name="category" defaultValue={query.category ?? ''}>
          <option value="">Any</option>
          {ticketCategories.map((category) => (
            <option key={category} value={category}>
              {ticketCategoryLabel[category]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="desk-urgency">Urgency</label>
        <select id="desk-urgency" name="urgency" defaultValue={query.urgency ?? ''}>
          <option value="">Any</option>
          {urgencyFilters.map((urgency) => (
            <option key={urgency} value={urgency}>
              {urgencyLabel[urgency]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="desk-sentiment">Sentiment</label>
        <select id="desk-sentiment" name="sentiment" defaultValue={query.sentiment ?? ''}>
          <option value="">Any</option>
          {Object.entries(sentimentBands).map(([band, { label }]) => (
            <option key={band} value={band}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {query.view !== 'queue' ? (
        <div className="field">
          <label htmlFor="desk-department">Department</label>
          <select id="desk-department" name="department" defaultValue={query.department ?? ''} aria-describedby="desk-department-hint">
            <option value="">Any</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </select>
          <p className="field-hint" id="desk-department-hint">
            Of the assigned technician
          </p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="desk-sort">Sort</label>
        <select id="desk-sort" name="sort" defaultValue={query.sort}>
          {deskSorts.map((sort) => (
            <option key={sort} value={sort}>
              {deskSortLabel[sort]}
            </option>
          ))}
        </select>
      </div>
      <div className="desk-filter-actions">
        <button type="submit" className="button small">
          Apply
        </button>
        <Link to={`/desk${deskBoardSearch({ view: query.view })}`} className="button secondary small">
          Clear
        </Link>
      </div>
    </Form>
  );
}

const emptyText: Record<DeskView, { title: string; body: string }> = {
  queue: { title: 'The queue is empty', body: 'No unassigned tickets are waiting. New ones appear here as customers ask for help.' },
  mine: { title: 'You have no open tickets', body: 'Claim a ticket from the queue and it shows up here.' },
  all: { title: 'No open tickets', body: 'Every ticket is resolved or closed.' },
  failed: { title: 'No failed triage', body: 'Every ticket was triaged by the AI. Tickets whose triage fails for good land here.' },
};

export default function DeskBoard() {
  const { userId, query, table, tableRows, tickets, nextCursor, counts, departments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const env = useRouteLoaderData<typeof rootLoader>('root')!.ENV;
  const live = useLiveRevalidation(env, 'desk-board', liveTables, 400);

  const loadingBoard = navigation.state === 'loading' && navigation.location.pathname === '/desk' && navigation.formMethod === undefined;
  const busyAction =
    navigation.state === 'submitting' && navigation.formData ? `${String(navigation.formData.get('intent'))}:${String(navigation.formData.get('ticketId') ?? '')}` : null;
  const filtered = Boolean(query.q || query.status || query.category || query.urgency || query.sentiment || query.department);
  const { cursor: _page, ...filters } = query;

  return (
    <div className="desk-board">
      <div className="desk-board-header">
        <h1>Desk</h1>
        <p className={`desk-live desk-live-${live}`} role="status" data-testid="desk-live">
          {liveLabel[live]}
        </p>
        <Form method="post" replace className="desk-take-next">
          <button type="submit" name="intent" value="claim-next" className="button small" disabled={busyAction === 'claim-next:'}>
            Take the next ticket
          </button>
        </Form>
      </div>

      <LaneTabs query={query} counts={counts} />
      <Filters query={query} departments={departments} />
      <nav className="desk-layout-switch" aria-label="Layout">
        <Link to={`/desk${deskTableSearch(filters, { ...table, layout: 'cards' })}`} aria-current={table.layout === 'cards' ? 'page' : undefined}>
          Cards
        </Link>{' '}
        <Link to={`/desk${deskTableSearch(filters, { ...table, layout: 'table' })}`} aria-current={table.layout === 'table' ? 'page' : undefined} data-testid="layout-table">
          Table
        </Link>
      </nav>

      <DeskActionNotice answer={result} />

      <section aria-labelledby="desk-list-title" aria-busy={loadingBoard} className={loadingBoard ? 'desk-list loading' : 'desk-list'}>
        <h2 id="desk-list-title" className="desk-list-title">
          {deskViewLabel[query.view]}
          {loadingBoard ? <span className="desk-loading"> — loading…</span> : null}
        </h2>
        {table.layout === 'table' ? (
          <DeskTicketTable rows={tableRows} board={query} table={table} busy={navigation.state === 'submitting'} />
        ) : tickets.length === 0 ? (
          filtered ? (
            <EmptyState title="No tickets match" action={<Link to={`/desk${deskBoardSearch({ view: query.view })}`}>Clear the filters</Link>}>
              Nothing in this lane matches the search and filters.
            </EmptyState>
          ) : (
            <EmptyState title={emptyText[query.view].title}>{emptyText[query.view].body}</EmptyState>
          )
        ) : (
          <ul className="desk-cards">
            {tickets.map((ticket) => (
              <DeskTicketCard key={ticket.id} ticket={ticket} currentUserId={userId} busyAction={busyAction} />
            ))}
          </ul>
        )}
        <nav aria-label="Pages" className="desk-pages">
          {query.cursor ? <Link to={`/desk${deskTableSearch(filters, table)}`}>First page</Link> : null}
          {nextCursor ? (
            <Link to={`/desk${deskTableSearch({ ...filters, cursor: nextCursor }, table)}`} data-testid="next-page">
              Next 50 tickets
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The desk board could not be shown.',
  unexpected: { title: 'The desk board is unavailable', message: 'The tickets could not be loaded. Please try again in a moment.' },
});
