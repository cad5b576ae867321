// Admin home: how support is going over the last 7, 30 or 90 days (?days=), from public.support_dashboard — tickets
// created per day (inline SVG, with the numbers as a table for screen readers), open tickets, triage, time to
// assignment and resolution, AI usage, chat hand-offs and guided-fix outcomes; per-guide figures live on /admin/guides.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useNavigation } from '@remix-run/react';
import { EmptyState } from '~/components/app-shell';
import { BarTable, ColumnChart, Panel, RangeSwitch, Stat } from '~/components/figures';
import { DeskPerformanceFigures } from '~/components/desk-performance';
import { TriageAccuracyFigures } from '~/components/triage-accuracy';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { dashboardIsEmpty, parseDashboardRange, type SupportDashboard } from '~/lib/shared/support-dashboard';
import { dollars, formatDuration, percent, whole } from '~/lib/shared/format-figures';
import { getDeskPerformance } from '~/models/desk-performance.server';
import { getSupportDashboard } from '~/models/support-dashboard.server';
import { getTriageAccuracy } from '~/models/triage-accuracy.server';

export const meta: MetaFunction = () => [{ title: 'Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const days = parseDashboardRange(new URL(request.url).searchParams.get('days'));
  const [dashboard, deskPerformance, triageAccuracy] = await Promise.all([
    getSupportDashboard({ claims, days }),
    getDeskPerformance({ claims, days }),
    getTriageAccuracy({ claims, days }),
  ]);
  return data({ dashboard, deskPerformance, triageAccuracy }, { headers });
}

const statusLabels: Record<string, string> = {
  unassigned: 'Unassigned',
  assigned: 'Assigned',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
};
const urgencyLabels: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };
const categoryLabels: Record<string, string> = { billing: 'Billing', technical: 'Technical', feature_request: 'Feature request' };
const sourceLabels: Record<string, string> = { triage: 'Ticket triage', chat: 'Assistant (chat)' };

const dayLabel = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const formatDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

export default function AdminHome() {
  const { dashboard, deskPerformance, triageAccuracy } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/admin';
  return (
    <div className="admin-dashboard">
      <h1>Admin</h1>
      <p className="lead">How support is going, and where to curate content.</p>
      <nav className="dashboard-links" aria-label="Admin tasks">
        <Link to="/admin/kb">Curate articles</Link>
        <Link to="/admin/guides">Per-guide figures</Link>
        <Link to="/admin/reports">Reports</Link>
        <Link to="/desk">Open the desk</Link>
      </nav>
      <RangeSwitch days={dashboard.days} />
      <section aria-labelledby="dashboard-title" aria-busy={loading} className={loading ? 'dashboard loading' : 'dashboard'}>
        <h2 id="dashboard-title">
          Last {dashboard.days} days{loading ? <span className="dashboard-loading"> — loading…</span> : null}
        </h2>
        {dashboardIsEmpty(dashboard) ? (
          <EmptyState title="No support activity yet" action={<Link className="button secondary" to="/admin/kb">Write a help article</Link>}>
            Tickets, assistant conversations and guided fixes will be counted here as soon as customers start using Support Hub.
          </EmptyState>
        ) : (
          <Figures dashboard={dashboard} />
        )}
      </section>
      <DeskPerformanceFigures figures={deskPerformance} />
      <TriageAccuracyFigures figures={triageAccuracy} />
    </div>
  );
}

function Figures({ dashboard }: { dashboard: SupportDashboard }) {
  const { triage, chat, troubleshooting } = dashboard;
  return (
    <>
      <dl className="stat-grid">
        <Stat label="Tickets created" value={whole.format(dashboard.ticketsCreated)} />
        <Stat label="Open now" value={whole.format(dashboard.openTotal)} />
        <Stat label="Median time to first assignment" value={formatDuration(dashboard.medianMinutesToAssignment)} hint={`${whole.format(dashboard.assignedTickets)} assigned`} />
        <Stat label="Median time to resolution" value={formatDuration(dashboard.medianMinutesToResolution)} hint={`${whole.format(dashboard.resolvedTickets)} resolved`} />
        <Stat label="AI triage failure rate" value={percent(triage.failureRate)} hint={`${whole.format(triage.aiFailed)} of ${whole.format(triage.processed + triage.aiFailed)} triaged`} />
      </dl>

      <TicketsPerDayChart days={dashboard.createdPerDay} total={dashboard.ticketsCreated} />

      <div className="dashboard-panels">
        <Panel title="Open tickets by status">
          <BarTable
            caption="Open tickets by status"
            rows={Object.entries(statusLabels).map(([status, label]) => ({ label, value: dashboard.openByStatus.find((row) => row.status === status)?.tickets ?? 0 }))}
          />
        </Panel>
        <Panel title="Open tickets by urgency">
          <BarTable
            caption="Open tickets by urgency"
            rows={[
              ...Object.entries(urgencyLabels).map(([urgency, label]) => ({ label, value: dashboard.openByUrgency.find((row) => row.urgency === urgency)?.tickets ?? 0 })),
              { label: 'Not triaged yet', value: dashboard.openByUrgency.find((row) => row.urgency === null)?.tickets ?? 0 },
            ]}
          />
        </Panel>
        <Panel title="Triage outcome">
          <BarTable
            caption="Triage outcome of the tickets created"
            rows={[
              { label: 'Processed', value: triage.processed },
              { label: 'AI failed', value: triage.aiFailed },
              { label: 'Pending', value: triage.pending },
              { label: 'Resolved before triage', value: triage.resolvedBeforeTriage },
            ]}
          />
        </Panel>
        <Panel title="Categories">
          <BarTable
            caption="Category of the tickets created"
            rows={dashboard.categories.map((row) => ({ label: row.category === null ? 'Not categorised' : categoryLabels[row.category] ?? row.category, value: row.tickets }))}
          />
        </Panel>
        <Panel title="AI usage" wide>
          {dashboard.aiUsage.length === 0 ? (
            <p className="field-hint">No AI calls in this range.</p>
          ) : (
            <div className="table-scroll">
            <table className="dashboard-table">
              <caption className="visually-hidden">AI calls, errors, tokens and estimated cost by use</caption>
              <thead>
                <tr>
                  <th scope="col">Use</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Errors</th>
                  <th scope="col">Tokens</th>
                  <th scope="col">Cost (est.)</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.aiUsage.map((usage) => (
                  <tr key={usage.source}>
                    <th scope="row">{sourceLabels[usage.source] ?? usage.source}</th>
                    <td>{whole.format(usage.calls)}</td>
                    <td>{whole.format(usage.errors)}</td>
                    <td>{whole.format(usage.tokens)}</td>
                    <td>{dollars.format(usage.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </Panel>
        <Panel title="Assistant conversations">
          <dl className="figure-list">
            <dt>Conversations started</dt>
            <dd>{whole.format(chat.conversations)}</dd>
            <dt>Handed off to a person</dt>
            <dd>
              {whole.format(chat.handOffs)} <span className="field-hint">({percent(chat.handOffRate)})</span>
            </dd>
          </dl>
        </Panel>
        <Panel title="Guided troubleshooting">
          <BarTable
            caption="Outcomes of guided troubleshooting sessions"
            rows={[
              { label: 'Resolved', value: troubleshooting.resolved },
              { label: 'Still broken → ticket', value: troubleshooting.stillBroken },
              { label: 'Wrong guide', value: troubleshooting.misclassified },
              { label: 'Abandoned', value: troubleshooting.abandoned },
            ]}
          />
          <p className="field-hint">
            <Link to="/admin/guides">See how each guide does</Link>
          </p>
        </Panel>
      </div>
      <p className="field-hint">Days are UTC days, today included. Open tickets are counted whenever they were created.</p>
    </>
  );
}

/** The day's tickets as columns (the chart itself is the shared ColumnChart). */
function TicketsPerDayChart({ days, total }: { days: SupportDashboard['createdPerDay']; total: number }) {
  const busiest = days.reduce<(typeof days)[number] | undefined>((best, day) => (best === undefined || day.tickets > best.tickets ? day : best), undefined);
  const first = days[0];
  const last = days[days.length - 1];
  const summary =
    busiest === undefined || first === undefined || last === undefined
      ? 'Tickets created per day: no days in range.'
      : `Tickets created per day from ${formatDay(first.day)} to ${formatDay(last.day)}: ${whole.format(total)} in all, most on ${formatDay(busiest.day)} (${whole.format(busiest.tickets)}).`;
  return (
    <ColumnChart
      id="tickets-chart"
      title="Tickets created per day"
      valueName="Tickets"
      summary={summary}
      columns={days.map((day) => ({ key: day.day, label: formatDay(day.day), value: day.tickets }))}
      format={(value) => whole.format(Math.round(value))}
      describe={(column) => `${column.label}: ${whole.format(column.value)} ticket${column.value === 1 ? '' : 's'}`}
    />
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The support figures could not be shown.',
  unexpected: { title: 'Support figures are unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
