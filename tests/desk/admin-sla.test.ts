// /admin/sla's data and forms (app/models/desk-settings.server.ts, app/lib/shared/desk-settings.ts) through withRls:
// an admin changes a policy's targets, business hours and escalation and the quiet period, creates and deletes a
// policy; a technician's same writes change nothing or are refused; the form refuses a resolution due before the
// first response and business hours that end before they start, with the error on that field.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const settings = await import('../../app/models/desk-settings.server.ts');
const { slaBusinessDaysSchema, slaPolicyCreateFormSchema, slaTargetsFormSchema } = await import('../../app/lib/shared/desk-settings.ts');
const { parseForm } = await import('../../app/lib/shared/forms.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const run = randomUUID().slice(0, 8);
const admin = randomUUID();
const technician = randomUUID();
const area = `sla-admin-area-${run}`;
const claimsOf = (sub: string, role: string) => ({ sub, role: 'authenticated' as const, user_role: role });
let policyId = '';
let originalQuietPeriod = '';

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
};

describe('admin SLA settings', () => {
  beforeAll(async () => {
    await insertPeople([
      { id: admin, email: `sla-admin-${run}@tests.local`, role: 'admin' },
      { id: technician, email: `sla-tech-${run}@tests.local`, role: 'technician' },
    ]);
    // A policy of this run's own area, so no other file's tickets pick it and the (urgency, area) slot is free.
    await sql`insert into public.solution_areas (slug, name, description, assistant_instructions)
      values (${area}, ${`SLA admin ${run}`}, 'Test area', 'None')`;
    const [policy] = await sql<{ id: string }[]>`
      insert into public.sla_policies (name, urgency, solution_area, first_response_minutes, resolution_minutes)
      values (${`Brakes ${run}`}, 'high', ${area}, 30, 480) returning id`;
    policyId = policy!.id;
    const [quiet] = await sql<{ value: string }[]>`select close_resolved_after::text as value from public.desk_settings`;
    originalQuietPeriod = quiet!.value;
  });

  afterAll(async () => {
    if (originalQuietPeriod) await sql`update public.desk_settings set close_resolved_after = ${originalQuietPeriod}::interval`;
    await sql`delete from public.sla_policies where id = ${policyId}`;
    await sql`delete from public.solution_areas where slug = ${area}`;
    await retryingDeadlocks(() => sql`delete from auth.users where id in (${admin}, ${technician})`);
    await closeDatabasePool();
  });

  it('lets an admin change targets and escalation, and a technician nothing', async () => {
    const form = parseForm(
      slaTargetsFormSchema,
      formOf({ policyId, firstResponseMinutes: '15', resolutionMinutes: '240', escalation: 'reassign', escalateTo: technician, timeZone: 'Europe/Berlin', businessDayStarts: '08:00', businessDayEnds: '16:30' }),
    );
    if (!form.success) throw new Error(JSON.stringify(form.fieldErrors));
    const input = { ...form.data, businessDays: [1, 2, 3, 4, 5, 6] };
    expect(await settings.updateSlaPolicyTargets({ claims: claimsOf(technician, 'technician'), input })).toBe(false);
    expect(await settings.updateSlaPolicyTargets({ claims: claimsOf(admin, 'admin'), input })).toBe(true);

    const listed = await settings.listSlaPolicies({ claims: claimsOf(technician, 'technician') });
    expect(listed.find((policy) => policy.id === policyId)).toMatchObject({
      solutionArea: area,
      urgency: 'high',
      firstResponseMinutes: 15,
      resolutionMinutes: 240,
      escalation: 'reassign',
      escalateTo: technician,
      raisePriority: false,
      timeZone: 'Europe/Berlin',
      businessDays: [1, 2, 3, 4, 5, 6],
      businessDayStarts: '08:00',
      businessDayEnds: '16:30',
    });
  });

  it('computes a new ticket\'s due time in the business hours it was given', async () => {
    // The policy is Mon-Sat 08:00-16:30 Berlin: 15 business minutes after Sunday noon is Monday 08:15 Berlin.
    const [due] = await sql<{ due: string }[]>`
      select to_char(private.add_business_seconds(policy, '2026-12-06 12:00 Europe/Berlin'::timestamptz, 15 * 60) at time zone 'Europe/Berlin', 'Dy HH24:MI') as due
      from public.sla_policies policy where policy.id = ${policyId}`;
    expect(due!.due).toBe('Mon 08:15');
  });

  it('lets an admin create and delete a policy, and refuses a technician', async () => {
    const fields = { name: `Low ${run}`, urgency: 'low', solutionArea: area, firstResponseMinutes: '120', resolutionMinutes: '960', escalation: 'notify_lead', raisePriority: 'on' };
    const form = parseForm(slaPolicyCreateFormSchema, formOf(fields));
    if (!form.success) throw new Error(JSON.stringify(form.fieldErrors));
    const input = { ...form.data, businessDays: null };
    await expect(settings.createSlaPolicy({ claims: claimsOf(technician, 'technician'), input })).rejects.toMatchObject({ code: '42501' });
    const createdId = await settings.createSlaPolicy({ claims: claimsOf(admin, 'admin'), input });
    const listed = await settings.listSlaPolicies({ claims: claimsOf(admin, 'admin') });
    expect(listed.find((policy) => policy.id === createdId)).toMatchObject({ urgency: 'low', solutionArea: area, businessDays: null, timeZone: 'UTC', raisePriority: true });
    // A second policy for the same (urgency, area) is refused by the unique constraint.
    await expect(settings.createSlaPolicy({ claims: claimsOf(admin, 'admin'), input })).rejects.toMatchObject({ code: '23505', constraint_name: 'sla_policies_one_per_urgency_and_area' });

    expect(await settings.deleteSlaPolicy({ claims: claimsOf(technician, 'technician'), policyId: createdId })).toBe(false);
    expect(await settings.deleteSlaPolicy({ claims: claimsOf(admin, 'admin'), policyId: createdId })).toBe(true);
    const [left] = await sql<{ count: number }[]>`select count(*)::int as count from public.sla_policies where id = ${createdId}`;
    expect(left!.count).toBe(0);
  });

  it('puts a resolution target below the first response on its field', () => {
    const form = parseForm(slaTargetsFormSchema, formOf({ policyId, firstResponseMinutes: '60', resolutionMinutes: '30', escalation: 'notify_lead' }));
    expect(form).toEqual({ success: false, fieldErrors: { resolutionMinutes: 'Resolution cannot be due before the first response.' } });
    const zero = parseForm(slaTargetsFormSchema, formOf({ policyId, firstResponseMinutes: '0', resolutionMinutes: '30', escalation: 'notify_lead' }));
    expect(zero.success ? {} : zero.fieldErrors).toEqual({ firstResponseMinutes: 'The first-response target is at least 1 minute.' });
    const backwards = parseForm(slaTargetsFormSchema, formOf({ policyId, firstResponseMinutes: '10', resolutionMinutes: '30', escalation: 'notify_lead', businessDayStarts: '18:00', businessDayEnds: '09:00' }));
    expect(backwards.success ? {} : backwards.fieldErrors).toEqual({ businessDayEnds: 'Business hours must end after they start.' });
    const unnamed = parseForm(slaPolicyCreateFormSchema, formOf({ name: ' ', urgency: 'sometimes', firstResponseMinutes: '10', resolutionMinutes: '30', escalation: 'notify_lead' }));
    expect(unnamed.success ? {} : unnamed.fieldErrors).toEqual({ name: 'Enter a name.', urgency: 'Choose an urgency from the list.' });
    expect(slaBusinessDaysSchema.safeParse(['8']).success).toBe(false);
    expect(slaBusinessDaysSchema.parse(['5', '1', '5'])).toEqual([1, 5]);
    expect(slaBusinessDaysSchema.parse([])).toBeNull();
  });

  it('sets the quiet period after which resolved tickets close, for admins only', async () => {
    expect(await settings.setCloseResolvedAfterHours({ claims: claimsOf(technician, 'technician'), hours: 5 })).toBe(false);
    expect(await settings.setCloseResolvedAfterHours({ claims: claimsOf(admin, 'admin'), hours: 36 })).toBe(true);
    expect(await settings.getCloseResolvedAfterHours({ claims: claimsOf(admin, 'admin') })).toBe(36);
  });
});
