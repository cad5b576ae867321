// /admin/reports: the standing reports seeds 000 and 001 ask for — how guided fixes end and which guides fail, who
// needs a follow-up, what each solution area costs per resolution, who is active, how the AI functions perform, and
// the self-service resolution rate as customers reported it beside the rate that held for 7 days.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { EmptyState } from '~/components/app-shell';
import { BarTable, ColumnChart, Panel, RangeSwitch, Stat } from '~/components/figures';
import { FormError } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { dollars, percent, whole } from '~/lib/shared/format-figures';
import { parseForm } from '~/lib/shared/forms';
import { activeUsersPerDay, followUpFormSchema, followUpOutcomeLabels, type StandingReports } from '~/lib/shared/standing-reports';
import { parseDashboardRange } from '~/lib/shared/support-dashboard';
import { getStandingReports, openFollowUpTicket } from '~/models/standing-reports.server';

export const meta: MetaFunction = () => [{ title: 'Reports · Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const days = parseDashboardRange(new URL(request.url).searchParams.get('days'));
  const reports = await getStandingReports({ claims, days });
  return data({ reports }, { headers });
}

type FollowUpResult = { sessionId?: string; formError: string };

/** "Open a ticket" on a follow-up: the ticket opens (or is found) and the admin lands on it in the desk. */
export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const form = parseForm(followUpFormSchema, await request.formData());
  if (!form.success) return data<FollowUpResult>({ formError: form.fieldErrors['sessionId'] ?? 'Choose a session from the list.' }, { status: 400, headers });
  try {
    const ticket = await openFollowUpTicket({ claims, sessionId: form.data.sessionId });
    return redirect(`/desk/tickets/${ticket.ticketId}`, { headers });
  } catch (error) {
    const translated = translateDatabaseError(error, { wording: { P0002: 'That guided fix no longer exists. Reload the page.' } });
    if (!translated) throw error;
    return data<FollowUpResult>({ sessionId: form.data.sessionId, formError: translated.message }, { status: translated.status, headers });
  }
}

const dayLabel = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const formatDay = (day: string) => dayLabel.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
const milliseconds = (value: number | null) => (value === null ? '—' : `${whole.format(Math.round(value))} ms`);

export default function AdminReports() {
  const { reports } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/admin/reports';
  const empty = reports.selfService.ended === 0 && reports.troubleshootingByWeek.length === 0 && reports.functions.length === 0 && reports.dailyActiveUsers.length === 0;
  return (
    <div className="admin-dashboard">
      <h1>Reports</h1>
      <p className="lead">How self-service holds up, which guides fail, who needs a follow-up, and what the AI costs.</p>
      <RangeSwitch days={reports.days} />
      <section aria-labelledby="reports-title" aria-busy={loading} className={loading ? 'dashboard loading' : 'dashboard'}>
        <h2 id="reports-title">
          Last {reports.days} days{loading ? <span className="dashboard-loading"> — loading…</span> : null}
        </h2>
        {empty ? (
          <EmptyState title="Nothing to report yet" action={<Link className="button secondary" to="/admin/guides">Look at the guides</Link>}>
            Guided fixes, assistant conversations and AI calls will be reported here once customers use Support Hub.
          </EmptyState>
        ) : (
          <Reports reports={reports} />
        )}
      </section>
    </div>
  );
}

function Reports({ reports }: { reports: StandingReports }) {
  const { selfService } = reports;
  const activeDays = activeUsersPerDay(reports.dailyActiveUsers);
  return (
    <>
      <dl className="stat-grid">
        <Stat label="Self-service, as customers reported it" value={percent(selfService.assumedRate)}
          hint={`${whole.format(selfService.assumedResolved)} of ${whole.format(selfService.ended)} chats and guided fixes ended without a technician`} />
        <Stat label="Self-service that held for 7 days" value={percent(selfService.durableRate)}
          hint={`${whole.format(selfService.durableResolved)} of ${whole.format(selfService.settled)} old enough to tell: no ticket or repeat followed; ${whole.format(selfService.tooRecent)} too recent`} />
        <Stat label="Guided fixes resolved" value={percent(rateOf(reports.troubleshootingByWeek))}
          hint={`${whole.format(sum(reports.troubleshootingByWeek, 'resolved'))} of ${whole.format(sum(reports.troubleshootingByWeek, 'ended'))} ended`} />
        <Stat label="Average steps to resolution" value={averageSteps(reports.troubleshootingByWeek)} hint="Steps tried in resolved guided fixes" />
      </dl>

      <ColumnChart
        id="resolution-by-week"
        title="Guided fixes resolved, per week"
        valueName="Resolved share"
        summary={`Share of guided fixes resolved per week, ${reports.troubleshootingByWeek.length} week(s).`}
        columns={reports.troubleshootingByWeek.map((week) => ({ key: week.week, label: `Week of ${formatDay(week.week)}`, value: week.resolutionRate ?? 0 }))}
        format={(value) => percent(value)}
      />

      <div className="dashboard-panels">
        <Panel title="Guides with the worst outcomes" wide>
          {reports.worstGuides.length === 0 ? (
            <p className="field-hint">No guided fix ended in this range.</p>
          ) : (
            <div className="table-scroll">
              <table className="dashboard-table">
                <caption className="visually-hidden">Guides by share resolved, worst first</caption>
                <thead>
                  <tr>
                    <th scope="col">Guide</th>
                    <th scope="col">Ended</th>
                    <th scope="col">Resolved</th>
                    <th scope="col">Still broken</th>
                    <th scope="col">Wrong guide</th>
                    <th scope="col">Left midway</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.worstGuides.map((guide) => (
                    <tr key={guide.guideId}>
                      <th scope="row"><Link to={`/admin/guides/${guide.guideId}`}>{guide.title}</Link></th>
                      <td>{whole.format(guide.ended)}</td>
                      <td>{percent(guide.resolutionRate)}</td>
                      <td>{whole.format(guide.stillBroken)}</td>
                      <td>{whole.format(guide.wrongGuide)}</td>
                      <td>{whole.format(guide.leftMidway)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>

        <Panel title="Needs a follow-up" wide>
          <FollowUps followUps={reports.followUps} />
        </Panel>

        <Panel title="Solution areas">
          <BarTable caption="Chats and guided fixes per solution area" rows={reports.areas.map((area) => ({ key: area.slug, label: area.name, value: area.conversations + area.guidedFixes }))} />
          <p className="field-hint">Chats and guided fixes started in each area.</p>
        </Panel>

        <Panel title="AI cost per area" wide>
          <div className="table-scroll">
            <table className="dashboard-table">
              <caption className="visually-hidden">AI calls, cost and cost per resolution per solution area</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">AI calls</th>
                  <th scope="col">Cost (est.)</th>
                  <th scope="col">Resolutions</th>
                  <th scope="col">Per resolution</th>
                </tr>
              </thead>
              <tbody>
                {reports.areas.map((area) => (
                  <tr key={area.slug}>
                    <th scope="row">{area.name}</th>
                    <td>{whole.format(area.aiCalls)}</td>
                    <td>{dollars.format(area.aiCostUsd)}</td>
                    <td>{whole.format(area.resolutions)}</td>
                    <td>{area.aiCostPerResolutionUsd === null ? '—' : dollars.format(area.aiCostPerResolutionUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="field-hint">
            Resolutions: self-service that held for 7 days, and tickets from the area's chats resolved in this range.
            {reports.aiCostWithoutAreaUsd > 0 ? ` AI cost not tied to an area (ticket triage): ${dollars.format(reports.aiCostWithoutAreaUsd)}.` : ''}
          </p>
        </Panel>

        <Panel title="AI functions">
          {reports.functions.length === 0 ? (
            <p className="field-hint">No AI calls in this range.</p>
          ) : (
            <div className="table-scroll">
              <table className="dashboard-table">
                <caption className="visually-hidden">Calls, error rate and latency per AI function</caption>
                <thead>
                  <tr>
                    <th scope="col">Function</th>
                    <th scope="col">Calls</th>
                    <th scope="col">Error rate</th>
                    <th scope="col">p50</th>
                    <th scope="col">p95</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.functions.map((fn) => (
                    <tr key={fn.name}>
                      <th scope="row">{functionLabels[fn.name] ?? fn.name}</th>
                      <td>{whole.format(fn.calls)}</td>
                      <td>{percent(fn.errorRate)}</td>
                      <td>{milliseconds(fn.latencyP50Ms)}</td>
                      <td>{milliseconds(fn.latencyP95Ms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      </div>

      <ColumnChart
        id="active-customers"
        title="Active customers per day"
        valueName="Customers"
        summary={`Customers who wrote in a chat or started a guided fix, per day: ${activeDays.length} active day(s).`}
        columns={activeDays.map((day) => ({ key: day.day, label: formatDay(day.day), value: day.users }))}
      />
      <ActiveCustomersByArea rows={reports.dailyActiveUsers} areas={reports.areas} />
      <p className="field-hint">Days are UTC days, today included. A self-service ending counts as held only when no ticket from that customer and no new start of the same guide followed within 7 days.</p>
    </>
  );
}

const functionLabels: Record<string, string> = { triage: 'Ticket triage', chat: 'Assistant (chat)' };

function FollowUps({ followUps }: { followUps: StandingReports['followUps'] }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  if (followUps.length === 0) return <p className="field-hint">Every guided fix that ended unresolved has a ticket or a later success.</p>;
  return (
    <ul className="follow-up-list">
      {followUps.map((session) => {
        const opening = navigation.state !== 'idle' && navigation.formData?.get('sessionId') === session.sessionId;
        return (
          <li key={session.sessionId} className="follow-up">
            <p>
              <strong>{session.customerName}</strong> — {session.issue}
              <br />
              <span className="field-hint">
                {session.guideTitle ?? 'No guide'} · {followUpOutcomeLabels[session.outcome]} · {formatDay(session.endedAt)}
              </span>
            </p>
            <Form method="post" className="follow-up-actions">
              <input type="hidden" name="sessionId" value={session.sessionId} />
              <button type="submit" className="button secondary" disabled={opening}>{opening ? 'Opening…' : 'Open a ticket'}</button>
              {session.customerEmail ? (
                <a className="button secondary" href={`mailto:${session.customerEmail}?subject=${encodeURIComponent(`About: ${session.issue.slice(0, 80)}`)}`}>Email {session.customerName}</a>
              ) : null}
            </Form>
            {actionData?.sessionId === session.sessionId ? <FormError message={actionData.formError} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Active customers per area over the range: the busiest day and the average active day, per area. */
function ActiveCustomersByArea({ rows, areas }: { rows: StandingReports['dailyActiveUsers']; areas: StandingReports['areas'] }) {
  if (rows.length === 0) return null;
  const names = new Map(areas.map((area) => [area.slug, area.name]));
  const perArea = new Map<string, number[]>();
  for (const row of rows) perArea.set(row.area, [...(perArea.get(row.area) ?? []), row.users]);
  return (
    <Panel title="Active customers per area">
      <BarTable
        caption="Average daily active customers per solution area, on days with activity"
        rows={[...perArea.entries()].map(([area, counts]) => ({ key: area, label: names.get(area) ?? area, value: counts.reduce((a, b) => a + b, 0) / counts.length }))}
        format={(value) => value.toFixed(1)}
      />
      <p className="field-hint">Average per active day.</p>
    </Panel>
  );
}

function sum(weeks: StandingReports['troubleshootingByWeek'], field: 'ended' | 'resolved'): number {
  return weeks.reduce((total, week) => total + week[field], 0);
}

function rateOf(weeks: StandingReports['troubleshootingByWeek']): number | null {
  const ended = sum(weeks, 'ended');
  return ended === 0 ? null : sum(weeks, 'resolved') / ended;
}

function averageSteps(weeks: StandingReports['troubleshootingByWeek']): string {
  const resolved = sum(weeks, 'resolved');
  if (resolved === 0) return '—';
  const steps = weeks.reduce((total, week) => total + (week.averageStepsToResolution ?? 0) * week.resolved, 0);
  return (steps / resolved).toFixed(1);
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The reports could not be shown.',
  unexpected: { title: 'Reports are unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
