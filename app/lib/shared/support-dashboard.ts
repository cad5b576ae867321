// What the admin home (/admin) shares between server and browser: the ranges it offers and when it has nothing to
// show. The figures themselves come from app/models/support-dashboard.server.ts.
import type { SupportDashboard } from '~/models/support-dashboard.server';

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
