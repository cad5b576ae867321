// /admin/canned-replies and /admin/assignment's data and forms through withRls (app/models/canned-replies.server.ts,
// assignment-rules.server.ts, technician-availability.server.ts): an admin creates, edits and deletes a shared canned
// reply and a technician cannot; an unknown {{variable}} is named by the database; every variable the form's hint
// names is one the database fills; an admin turns an area's automatic assignment on, pauses and removes it and sets
// a technician's capacity and areas, which a technician cannot. Each run uses its own people and area.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const canned = await import('../../app/models/canned-replies.server.ts');
const rules = await import('../../app/models/assignment-rules.server.ts');
const availability = await import('../../app/models/technician-availability.server.ts');
const { cannedReplyFormSchema, cannedReplyVariableExamples } = await import('../../app/lib/shared/canned-reply-form.ts');
const { assignmentRuleFormSchema, technicianAreasSchema, technicianCapacityFormSchema } = await import('../../app/lib/shared/assignment-form.ts');
const { parseForm } = await import('../../app/lib/shared/forms.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const run = randomUUID().slice(0, 8);
const admin = randomUUID();
const technician = randomUUID();
const colleague = randomUUID();
const area = `editors-area-${run}`;
const claimsOf = (sub: string, role: string) => ({ sub, role: 'authenticated' as const, user_role: role });
const asAdmin = claimsOf(admin, 'admin');
const asTechnician = claimsOf(technician, 'technician');

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
};

function cannedForm(fields: Record<string, string>) {
  const form = parseForm(cannedReplyFormSchema, formOf(fields));
  if (!form.success) throw new Error(JSON.stringify(form.fieldErrors));
  return form.data;
}

describe('admin editors for canned replies and assignment', () => {
  beforeAll(async () => {
    await insertPeople([
      { id: admin, email: `editors-admin-${run}@tests.local`, name: `Ada Editor${run}`, role: 'admin' },
      { id: technician, email: `editors-tech-${run}@tests.local`, name: `Theo Editor${run}`, role: 'technician' },
      { id: colleague, email: `editors-colleague-${run}@tests.local`, name: `Cleo Editor${run}`, role: 'technician' },
    ]);
    await sql`insert into public.solution_areas (slug, name, description, assistant_instructions) values (${area}, ${`Editors ${run}`}, 'Test area', 'None')`;
  });

  afterAll(async () => {
    await sql`delete from public.canned_replies where shortcut like ${`%${run}`}`;
    await sql`delete from public.auto_assignment_rules where solution_area = ${area}`;
    await sql`delete from public.solution_areas where slug = ${area}`;
    await retryingDeadlocks(() => sql`delete from auth.users where id in (${admin}, ${technician}, ${colleague})`);
    await closeDatabasePool();
  });

  it('lets an admin create, edit and delete a shared canned reply, and a technician none of it', async () => {
    const fields = cannedForm({ shortcut: `Thanks-${run}`, title: 'Thanks', body: 'Thanks, {{customer.first_name}}!', scope: 'shared', setStatus: 'resolved', internalNote: '' });
    expect(fields).toMatchObject({ shortcut: `thanks-${run}`, setStatus: 'resolved', internalNote: null });
    await expect(canned.createCannedReply({ claims: asTechnician, fields })).rejects.toMatchObject({ code: '42501' });
    const id = await canned.createCannedReply({ claims: asAdmin, fields });

    // Technicians see the shared reply; they cannot change or delete it.
    expect((await canned.listCannedRepliesToManage({ claims: asTechnician })).map((reply) => reply.id)).toContain(id);
    const edited = cannedForm({ shortcut: `thanks-${run}`, title: 'Thank you', body: 'Thank you, {{customer.name}}.', scope: 'shared', setStatus: '', internalNote: 'Sent thanks' });
    expect(await canned.updateCannedReply({ claims: asTechnician, cannedReplyId: id, fields: edited })).toBe(false);
    expect(await canned.deleteCannedReply({ claims: asTechnician, cannedReplyId: id })).toBe(false);

    expect(await canned.updateCannedReply({ claims: asAdmin, cannedReplyId: id, fields: edited })).toBe(true);
    expect((await canned.listCannedRepliesToManage({ claims: asAdmin })).find((reply) => reply.id === id)).toMatchObject({
      title: 'Thank you',
      body: 'Thank you, {{customer.name}}.',
      scope: 'shared',
      setStatus: null,
      internalNote: 'Sent thanks',
    });
    // A second shared reply with the same shortcut is refused by the constraint the form maps to the shortcut field.
    await expect(canned.createCannedReply({ claims: asAdmin, fields: edited })).rejects.toMatchObject({ code: '23505', constraint_name: 'canned_replies_one_shortcut_per_owner' });
    expect(await canned.deleteCannedReply({ claims: asAdmin, cannedReplyId: id })).toBe(true);
    expect((await canned.listCannedRepliesToManage({ claims: asAdmin })).map((reply) => reply.id)).not.toContain(id);
  });

  it("keeps an admin's personal canned reply from other staff", async () => {
    const id = await canned.createCannedReply({ claims: asAdmin, fields: cannedForm({ shortcut: `mine-${run}`, title: 'Mine', body: 'Only mine', scope: 'personal' }) });
    expect((await canned.listCannedRepliesToManage({ claims: asAdmin })).find((reply) => reply.id === id)?.scope).toBe('personal');
    expect((await canned.listCannedRepliesToManage({ claims: asTechnician })).map((reply) => reply.id)).not.toContain(id);
  });

  it('names the variables the database does not fill, and fills every one the hint names', async () => {
    expect(await canned.unknownCannedReplyVariables({ claims: asAdmin, texts: ['Hi {{custmer.first_name}}, {{ticket.number}} {{ticket.colour}}'] })).toEqual([
      '{{custmer.first_name}}',
      '{{ticket.colour}}',
    ]);
    expect(await canned.unknownCannedReplyVariables({ claims: asAdmin, texts: [cannedReplyVariableExamples.join(' ')] })).toEqual([]);
    expect(cannedReplyVariableExamples.length).toBeGreaterThan(0);
  });

  it('puts bad canned-reply input on its field', () => {
    const form = parseForm(cannedReplyFormSchema, formOf({ shortcut: '-bad shortcut', title: '', body: ' ', scope: 'everyone', setStatus: 'merged' }));
    expect(form.success ? {} : form.fieldErrors).toEqual({
      shortcut: 'Use letters, digits and dashes, starting with a letter or digit.',
      title: 'Enter a title.',
      body: 'Write the reply.',
      scope: 'Choose shared or personal.',
      setStatus: 'Choose a status from the list.',
    });
  });

  it("lets an admin turn an area's automatic assignment on, pause and remove it, and a technician not", async () => {
    const on = parseForm(assignmentRuleFormSchema, formOf({ solutionArea: area, mode: 'on' }));
    if (!on.success) throw new Error(JSON.stringify(on.fieldErrors));
    await expect(rules.setAssignmentRule({ claims: asTechnician, rule: on.data })).rejects.toMatchObject({ code: '42501' });
    expect(await rules.setAssignmentRule({ claims: asAdmin, rule: on.data })).toEqual({ solutionArea: area, isEnabled: true });
    expect((await rules.listAssignmentRules({ claims: asTechnician })).find((rule) => rule.solutionArea === area)).toEqual({ solutionArea: area, isEnabled: true });

    // A technician's pause matches no row: the rule stays on.
    await rules.setAssignmentRule({ claims: asTechnician, rule: { solutionArea: area, mode: 'off' } });
    expect((await rules.listAssignmentRules({ claims: asAdmin })).find((rule) => rule.solutionArea === area)?.isEnabled).toBe(true);

    await rules.setAssignmentRule({ claims: asAdmin, rule: { solutionArea: area, mode: 'paused' } });
    expect((await rules.listAssignmentRules({ claims: asAdmin })).find((rule) => rule.solutionArea === area)?.isEnabled).toBe(false);
    expect(await rules.setAssignmentRule({ claims: asAdmin, rule: { solutionArea: area, mode: 'off' } })).toBeNull();
    expect((await rules.listAssignmentRules({ claims: asAdmin })).find((rule) => rule.solutionArea === area)).toBeUndefined();

    const bad = parseForm(assignmentRuleFormSchema, formOf({ solutionArea: area, mode: 'sometimes' }));
    expect(bad.success ? {} : bad.fieldErrors).toEqual({ mode: 'Choose on, paused or off.' });
  });

  it("lets an admin set a technician's capacity and areas, and a technician not even their own", async () => {
    const form = parseForm(technicianCapacityFormSchema, formOf({ technicianId: technician, capacity: '3' }));
    if (!form.success) throw new Error(JSON.stringify(form.fieldErrors));
    const input = { ...form.data, solutionAreas: technicianAreasSchema.parse([area, area]) };
    // A colleague's row: the policies refuse a technician's insert for someone else.
    await expect(availability.setTechnicianCapacity({ claims: asTechnician, input: { ...input, technicianId: colleague } })).rejects.toMatchObject({ code: '42501' });
    expect(await availability.setTechnicianCapacity({ claims: asAdmin, input })).toBe(true);
    expect((await availability.listTechnicianAvailability({ claims: asAdmin })).find((row) => row.technicianId === technician)).toMatchObject({
      capacity: 3,
      solutionAreas: [area],
      isOnline: false,
      openTickets: 0,
    });
    // Their own row exists now: raising their own capacity is refused by protect_availability_fields.
    await expect(availability.setTechnicianCapacity({ claims: asTechnician, input: { ...input, capacity: 50 } })).rejects.toMatchObject({ code: '42501' });
    // Not a technician: nothing is written.
    expect(await availability.setTechnicianCapacity({ claims: asAdmin, input: { ...input, technicianId: admin } })).toBe(false);

    const tooMany = parseForm(technicianCapacityFormSchema, formOf({ technicianId: technician, capacity: '201' }));
    expect(tooMany.success ? {} : tooMany.fieldErrors).toEqual({ capacity: 'The capacity is at most 200 open tickets.' });
    expect(technicianAreasSchema.parse([])).toBeNull();
  });
});
