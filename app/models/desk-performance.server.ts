// The desk's figures for /admin: one call of public.desk_performance(days) inside withRls (admin-only: 42501 otherwise).
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import { deskPerformanceSchema, type DeskPerformance } from '~/lib/shared/desk-performance';

export async function getDeskPerformance({ claims, days }: { claims: RlsClaims; days: number }): Promise<DeskPerformance> {
  const [row] = await withRls(claims, (tx) => tx`select public.desk_performance(${days}::integer) as figures`);
  return deskPerformanceSchema.parse(row?.['figures']);
}
