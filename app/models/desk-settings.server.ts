// What an admin sets for the desk (/admin/sla): the SLA policies' targets and escalation, and the quiet period after
// which a resolved ticket closes (desk_settings.close_resolved_after, read by private.close_quiet_resolved_tickets).
// The "Admins can change …" policies decide who may write: a non-admin's update matches no row and reports false.
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { SlaPolicyView, SlaTargetsForm } from '~/lib/shared/desk-settings';

const policyRowSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  urgency: z.string().nullable(),
  solutionArea: z.string().nullable(),
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
  escalation: z.enum(['notify_lead', 'reassign']),
  raisePriority: z.boolean(),
});

export async function listSlaPolicies({ claims }: { claims: RlsClaims }): Promise<SlaPolicyView[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select id, name, urgency::text as urgency, solution_area as "solutionArea", first_response_minutes as "firstResponseMinutes",
        resolution_minutes as "resolutionMinutes", escalation, raise_priority as "raisePriority"
      from public.sla_policies
      order by solution_area nulls first, private.urgency_rank(urgency::text), name`,
  );
  return z.array(policyRowSchema).parse(rows);
}

/** New targets apply to tickets that choose the policy from now on (decision 0020: promised due times stay). */
export async function updateSlaPolicyTargets({ claims, input }: { claims: RlsClaims; input: SlaTargetsForm }): Promise<boolean> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      update public.sla_policies set first_response_minutes = ${input.firstResponseMinutes}, resolution_minutes = ${input.resolutionMinutes},
        escalation = ${input.escalation}, raise_priority = ${input.raisePriority}
      where id = ${input.policyId}::uuid
      returning id`,
  );
  return rows.length === 1;
}

export async function getCloseResolvedAfterHours({ claims }: { claims: RlsClaims }): Promise<number | null> {
  const [row] = await withRls(claims, (tx) => tx`select extract(epoch from close_resolved_after)::float8 / 3600 as hours from public.desk_settings`);
  return z.object({ hours: z.number() }).optional().parse(row)?.hours ?? null;
}

export async function setCloseResolvedAfterHours({ claims, hours }: { claims: RlsClaims; hours: number }): Promise<boolean> {
  const rows = await withRls(
    claims,
    (tx) => tx`update public.desk_settings set close_resolved_after = make_interval(hours => ${hours}) returning id`,
  );
  return rows.length === 1;
}
