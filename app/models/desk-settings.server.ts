// What an admin sets for the desk (/admin/sla): the SLA policies (created, their targets, business hours and
// escalation changed, deleted), and the quiet period after
// which a resolved ticket closes (desk_settings.close_resolved_after, read by private.close_quiet_resolved_tickets).
// The "Admins can change …" policies decide who may write: a non-admin's update matches no row and reports false.
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { SlaPolicyCreateForm, SlaPolicyView, SlaTargetsForm, StaffMemberOption } from '~/lib/shared/desk-settings';

const policyRowSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  urgency: z.string().nullable(),
  solutionArea: z.string().nullable(),
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
  timeZone: z.string(),
  businessDays: z.array(z.number().int()).nullable(),
  businessDayStarts: z.string(),
  businessDayEnds: z.string(),
  escalation: z.enum(['notify_lead', 'reassign']),
  escalateTo: z.string().uuid().nullable(),
  raisePriority: z.boolean(),
});

export async function listSlaPolicies({ claims }: { claims: RlsClaims }): Promise<SlaPolicyView[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select id, name, urgency::text as urgency, solution_area as "solutionArea", first_response_minutes as "firstResponseMinutes",
        resolution_minutes as "resolutionMinutes", time_zone as "timeZone", business_days::int[] as "businessDays",
        to_char(business_day_starts, 'HH24:MI') as "businessDayStarts", to_char(business_day_ends, 'HH24:MI') as "businessDayEnds",
        escalation, escalate_to as "escalateTo", raise_priority as "raisePriority"
      from public.sla_policies
      order by solution_area nulls first, private.urgency_rank(urgency::text), name`,
  );
  return z.array(policyRowSchema).parse(rows);
}

/**
 * New targets and business hours apply to tickets that choose the policy from now on (decision 0020: promised due
 * times stay); private.add_business_seconds reads them, the one home of the business-time arithmetic.
 */
export async function updateSlaPolicyTargets({ claims, input }: { claims: RlsClaims; input: SlaTargetsForm }): Promise<boolean> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      update public.sla_policies set first_response_minutes = ${input.firstResponseMinutes}, resolution_minutes = ${input.resolutionMinutes},
        time_zone = ${input.timeZone}, business_days = ${input.businessDays}::smallint[],
        business_day_starts = ${input.businessDayStarts}::time, business_day_ends = ${input.businessDayEnds}::time,
        escalation = ${input.escalation}, escalate_to = ${input.escalateTo}::uuid, raise_priority = ${input.raisePriority}
      where id = ${input.policyId}::uuid
      returning id`,
  );
  return rows.length === 1;
}

/** A new policy for an (urgency, area) pair; the unique constraint refuses a second one for the same pair. */
export async function createSlaPolicy({ claims, input }: { claims: RlsClaims; input: SlaPolicyCreateForm }): Promise<string> {
  const [row] = await withRls(
    claims,
    (tx) => tx`
      insert into public.sla_policies (name, urgency, solution_area, first_response_minutes, resolution_minutes, time_zone, business_days,
        business_day_starts, business_day_ends, escalation, escalate_to, raise_priority)
      values (${input.name}, ${input.urgency}::public.ticket_urgency, ${input.solutionArea}, ${input.firstResponseMinutes}, ${input.resolutionMinutes},
        ${input.timeZone}, ${input.businessDays}::smallint[], ${input.businessDayStarts}::time, ${input.businessDayEnds}::time,
        ${input.escalation}, ${input.escalateTo}::uuid, ${input.raisePriority})
      returning id`,
  );
  return z.object({ id: z.string().uuid() }).parse(row).id;
}

/**
 * Deletes a policy. Its tickets' sla_policy_id is set null and e_keep_ticket_sla then clears their due times: their
 * clocks stop rather than move to another policy (pgTAP 206; /admin/sla says so at the button).
 */
export async function deleteSlaPolicy({ claims, policyId }: { claims: RlsClaims; policyId: string }): Promise<boolean> {
  const rows = await withRls(claims, (tx) => tx`delete from public.sla_policies where id = ${policyId}::uuid returning id`);
  return rows.length === 1;
}

/** Whom a breach can go to: staff (a lead to notify, a technician to reassign to). */
export async function listEscalationTargets({ claims }: { claims: RlsClaims }): Promise<StaffMemberOption[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select id, coalesce(nullif(trim(full_name), ''), email) as name, role::text as role
      from public.profiles where role in ('technician', 'admin')
      order by 2, 1
      limit 500`,
  );
  return z.array(z.object({ id: z.string().uuid(), name: z.string(), role: z.string() })).parse(rows);
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
