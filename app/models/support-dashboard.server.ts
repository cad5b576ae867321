// The admin home's figures (/admin): one call of public.support_dashboard(days) inside withRls. The function refuses
// anyone who is not an admin (42501); RLS on tickets and analytics_events applies underneath.
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import { dashboardSchema, type DashboardRange, type SupportDashboard } from '~/lib/shared/support-dashboard';

export async function getSupportDashboard({ claims, days }: { claims: RlsClaims; days: DashboardRange }): Promise<SupportDashboard> {
  const [row] = await withRls(claims, (tx) => tx`select public.support_dashboard(${days}::integer) as figures`);
  return dashboardSchema.parse(row?.['figures']);
}
