// /admin/sla's data and forms (app/models/desk-settings.server.ts, app/lib/shared/desk-settings.ts) through withRls:
// an admin changes a policy's targets and escalation and the quiet period; a technician's same update changes nothing;
// the form refuses a resolution due before the first response, with the error on that field.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const settings = await import('../../app/models/desk-settings.server.ts');
const { slaTargetsFormSchema } = await import('../../app/lib/shared/desk-settings.ts');
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
    await sql`delete from auth.users where id in (${admin}, ${technician})`;
    await closeDatabasePool();
  });

  it('lets an admin change targets and escalation, and a technician nothing', async () => {
    const form = parseForm(slaTargetsFormSchema, formOf({ policyId, firstResponseMinutes: '15', resolutionMinutes: '240', escalation: 'reassign' }));
    if (!form.success) throw new Error(JSON.stringify(form.fieldErrors));
    expect(await settings.updateSlaPolicyTargets({ claims: claimsOf(technician, 'technician'), input: form.data })).toBe(false);
    expect(await settings.updateSlaPolicyTargets({ claims: claimsOf(admin, 'admin'), input: form.data })).toBe(true);

    const listed = await settings.listSlaPolicies({ claims: claimsOf(technician, 'technician') });
    expect(listed.find((policy) => policy.id === policyId)).toMatchObject({
      solutionArea: area,
      urgency: 'high',
      firstResponseMinutes: 15,
      resolutionMinutes: 240,
      escalation: 'reassign',
      raisePriority: false,
    });
  });

  it('puts a resolution target below the first response on its field', () => {
    const form = parseForm(slaTargetsFormSchema, formOf({ policyId, firstResponseMinutes: '60', resolutionMinutes: '30', escalation: 'notify_lead' }));
    expect(form).toEqual({ success: false, fieldErrors: { resolutionMinutes: 'Resolution cannot be due before the first response.' } });
    const zero = parseForm(slaTargetsFormSchema, formOf({ policyId, firstResponseMinutes: '0', resolutionMinutes: '30', escalation: 'notify_lead' }));
    expect(zero.success ? {} : zero.fieldErrors).toEqual({ firstResponseMinutes: 'The first-response target is at least 1 minute.' });
  });

  it('sets the quiet period after which resolved tickets close, for admins only', async () => {
    expect(await settings.setCloseResolvedAfterHours({ claims: claimsOf(technician, 'technician'), hours: 5 })).toBe(false);
    expect(await settings.setCloseResolvedAfterHours({ claims: claimsOf(admin, 'admin'), hours: 36 })).toBe(true);
    expect(await settings.getCloseResolvedAfterHours({ claims: claimsOf(admin, 'admin') })).toBe(36);
  });
});
