// Triage accuracy for /admin: one call of public.triage_accuracy(days) inside withRls (admin-only: 42501 otherwise).
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import { triageAccuracySchema, type TriageAccuracy } from '~/lib/shared/triage-accuracy';

export async function getTriageAccuracy({ claims, days }: { claims: RlsClaims; days: number }): Promise<TriageAccuracy> {
  const [row] = await withRls(claims, (tx) => tx`select public.triage_accuracy(${days}::integer) as figures`);
  return triageAccuracySchema.parse(row?.['figures']);
}
