// What the admin home (/admin) shares between server and browser: the ranges it offers, the shape of its figures
// (the document public.support_dashboard returns, validated and renamed for the page) and when it has nothing to
// show. The figures themselves are read by app/models/support-dashboard.server.ts.
import { z } from 'zod';

/** The ranges the page offers; the function accepts 1–366 days. */
export const dashboardRanges = [7, 30, 90] as const;
export type DashboardRange = (typeof dashboardRanges)[number];
export const defaultDashboardRange: DashboardRange = 30;

/** `?days=` as one of the offered ranges; anything else (missing, 12, "abc") is the default. */
export function parseDashboardRange(value: string | null): DashboardRange {
  const days = Number(value);
  return dashboardRanges.find((range) => range === days) ?? defaultDashboardRange;
}

/** Nothing to report: a fresh project, or a quiet window with nothing open. */
export function dashboardIsEmpty(dashboard: Pick<SupportDashboard, 'ticketsCreated' | 'openTotal' | 'aiUsage' | 'chat' | 'troubleshooting'>): boolean {
  const { troubleshooting } = dashboard;
  return (
    dashboard.ticketsCreated === 0 &&
    dashboard.openTotal === 0 &&
    dashboard.aiUsage.length === 0 &&
    dashboard.chat.conversations === 0 &&
    troubleshooting.resolved + troubleshooting.stillBroken + troubleshooting.misclassified + troubleshooting.abandoned === 0
  );
}

const count = z.number().int().nonnegative();
const minutes = z.number().nonnegative().nullable();

export const dashboardSchema = z
  .object({
    days: z.number().int(),
    window_start: z.string(),
    generated_at: z.string(),
    tickets_created: count,
    created_per_day: z.array(z.object({ day: z.string(), tickets: count })),
    open_total: count,
    open_by_status: z.array(z.object({ status: z.string(), tickets: count })),
    open_by_urgency: z.array(z.object({ urgency: z.string().nullable(), tickets: count })),
    triage: z.object({ processed: count, ai_failed: count, pending: count, resolved_before_triage: count }),
    categories: z.array(z.object({ category: z.string().nullable(), tickets: count })),
    median_minutes_to_assignment: minutes,
    median_minutes_to_resolution: minutes,
    assigned_tickets: count,
    resolved_tickets: count,
    ai_usage: z.array(z.object({ source: z.string(), calls: count, errors: count, tokens: count, cost_usd: z.number().nonnegative() })),
    chat_conversations: count,
    chat_hand_offs: count,
    troubleshooting: z.object({ resolved: count, still_broken: count, misclassified: count, abandoned: count }),
  })
  .transform((figures) => ({
    days: figures.days,
    generatedAt: figures.generated_at,
    ticketsCreated: figures.tickets_created,
    createdPerDay: figures.created_per_day,
    openTotal: figures.open_total,
    openByStatus: figures.open_by_status,
    openByUrgency: figures.open_by_urgency,
    triage: {
      processed: figures.triage.processed,
      aiFailed: figures.triage.ai_failed,
      pending: figures.triage.pending,
      resolvedBeforeTriage: figures.triage.resolved_before_triage,
      /** Share of finished triage runs that failed, 0–1; null before any finished. */
      failureRate: ratio(figures.triage.ai_failed, figures.triage.processed + figures.triage.ai_failed),
    },
    categories: figures.categories,
    medianMinutesToAssignment: figures.median_minutes_to_assignment,
    medianMinutesToResolution: figures.median_minutes_to_resolution,
    assignedTickets: figures.assigned_tickets,
    resolvedTickets: figures.resolved_tickets,
    aiUsage: figures.ai_usage.map((usage) => ({ source: usage.source, calls: usage.calls, errors: usage.errors, tokens: usage.tokens, costUsd: usage.cost_usd })),
    chat: {
      conversations: figures.chat_conversations,
      handOffs: figures.chat_hand_offs,
      handOffRate: ratio(figures.chat_hand_offs, figures.chat_conversations),
    },
    troubleshooting: {
      resolved: figures.troubleshooting.resolved,
      stillBroken: figures.troubleshooting.still_broken,
      misclassified: figures.troubleshooting.misclassified,
      abandoned: figures.troubleshooting.abandoned,
    },
  }));
export type SupportDashboard = z.output<typeof dashboardSchema>;

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
