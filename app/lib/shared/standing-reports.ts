// What /admin/reports shares between server and browser: the shape of public.standing_reports(days) (validated and
// renamed for the page) and the outcome words it shows. The figures are read by app/models/standing-reports.server.ts;
// the ranges are the admin home's (support-dashboard.ts), so both pages answer to the same ?days=.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();
const money = z.number().nonnegative();

const selfServiceCounts = z.object({ ended: count, assumed_resolved: count, settled: count, durable_resolved: count });

export const standingReportsSchema = z
  .object({
    days: z.number().int(),
    generated_at: z.string(),
    troubleshooting_by_week: z.array(z.object({
      week: z.string(),
      ended: count,
      resolved: count,
      resolution_rate: rate,
      average_steps_to_resolution: z.number().nonnegative().nullable(),
    })),
    worst_guides: z.array(z.object({
      guide_id: z.string().uuid(),
      guide_title: z.string().nullable(),
      ended: count,
      resolved: count,
      still_broken: count,
      wrong_guide: count,
      left_midway: count,
      resolution_rate: z.number().min(0).max(1),
    })),
    follow_ups: z.array(z.object({
      session_id: z.string().uuid(),
      customer_id: z.string().uuid(),
      customer_name: z.string(),
      customer_email: z.string().nullable(),
      guide_title: z.string().nullable(),
      issue: z.string(),
      outcome: z.enum(['wrong_guide', 'abandoned']),
      ended_at: z.string(),
    })),
    areas: z.array(z.object({
      area: z.string(),
      name: z.string(),
      conversations: count,
      guided_fixes: count,
      ai_calls: count,
      ai_cost_usd: money,
      resolutions: count,
      ai_cost_per_resolution_usd: money.nullable(),
    })),
    ai_cost_without_area_usd: money,
    daily_active_users: z.array(z.object({ day: z.string(), area: z.string(), users: count })),
    functions: z.array(z.object({
      function: z.string(),
      calls: count,
      errors: count,
      error_rate: rate,
      latency_p50_ms: z.number().nonnegative().nullable(),
      latency_p95_ms: z.number().nonnegative().nullable(),
    })),
    self_service: selfServiceCounts.extend({
      too_recent: count,
      assumed_rate: rate,
      durable_rate: rate,
      by_kind: z.object({ guided: selfServiceCounts.optional(), chat: selfServiceCounts.optional() }),
    }),
  })
  .transform((figures) => ({
    days: figures.days,
    generatedAt: figures.generated_at,
    troubleshootingByWeek: figures.troubleshooting_by_week.map((week) => ({
      week: week.week,
      ended: week.ended,
      resolved: week.resolved,
      resolutionRate: week.resolution_rate,
      averageStepsToResolution: week.average_steps_to_resolution,
    })),
    worstGuides: figures.worst_guides.map((guide) => ({
      guideId: guide.guide_id,
      title: guide.guide_title ?? 'Untitled guide',
      ended: guide.ended,
      resolved: guide.resolved,
      stillBroken: guide.still_broken,
      wrongGuide: guide.wrong_guide,
      leftMidway: guide.left_midway,
      resolutionRate: guide.resolution_rate,
    })),
    followUps: figures.follow_ups.map((session) => ({
      sessionId: session.session_id,
      customerName: session.customer_name.trim() || 'A customer',
      customerEmail: session.customer_email,
      guideTitle: session.guide_title,
      issue: session.issue,
      outcome: session.outcome,
      endedAt: session.ended_at,
    })),
    areas: figures.areas.map((area) => ({
      slug: area.area,
      name: area.name,
      conversations: area.conversations,
      guidedFixes: area.guided_fixes,
      aiCalls: area.ai_calls,
      aiCostUsd: area.ai_cost_usd,
      resolutions: area.resolutions,
      aiCostPerResolutionUsd: area.ai_cost_per_resolution_usd,
    })),
    aiCostWithoutAreaUsd: figures.ai_cost_without_area_usd,
    dailyActiveUsers: figures.daily_active_users,
    functions: figures.functions.map((fn) => ({
      name: fn.function,
      calls: fn.calls,
      errors: fn.errors,
      errorRate: fn.error_rate,
      latencyP50Ms: fn.latency_p50_ms,
      latencyP95Ms: fn.latency_p95_ms,
    })),
    selfService: {
      ended: figures.self_service.ended,
      assumedResolved: figures.self_service.assumed_resolved,
      settled: figures.self_service.settled,
      durableResolved: figures.self_service.durable_resolved,
      tooRecent: figures.self_service.too_recent,
      assumedRate: figures.self_service.assumed_rate,
      durableRate: figures.self_service.durable_rate,
      byKind: figures.self_service.by_kind,
    },
  }));

export type StandingReports = z.output<typeof standingReportsSchema>;

/** How a follow-up session ended, as the page says it. */
export const followUpOutcomeLabels: Record<StandingReports['followUps'][number]['outcome'], string> = {
  wrong_guide: 'Said the guide was for another issue',
  abandoned: 'Left midway',
};

/** The follow-up form: which session to open a ticket for. */
export const followUpFormSchema = z.object({ sessionId: z.string().uuid({ message: 'Choose a session from the list.' }) });

/** Daily active customers summed per day over every area, for the trend chart. */
export function activeUsersPerDay(rows: StandingReports['dailyActiveUsers']): Array<{ day: string; users: number }> {
  const perDay = new Map<string, number>();
  for (const row of rows) perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.users);
  return [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, users]) => ({ day, users }));
}
