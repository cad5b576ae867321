// /admin/guides' data functions as an admin (and as a customer, refused): create a guide, add, reorder and delete
// steps (positions stay 1..n), publish, and read the per-guide figures.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const guides = await import('../../app/models/guides.server.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const run = randomUUID().slice(0, 8);

async function createUser(role: 'customer' | 'admin') {
  const id = randomUUID();
  await sql`
    insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values (${id}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`guides-${role}-${run}@tests.local`},
      '{"provider":"email","providers":["email"]}', '{}', now(), now())`;
  await sql`update public.profiles set role = ${role} where id = ${id}`;
  return { sub: id, role: 'authenticated' as const, user_role: role };
}

describe('admin guides', () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let customer: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    [admin, customer] = await Promise.all([createUser('admin'), createUser('customer')]);
  });
  afterAll(async () => {
    await sql`delete from public.guides where slug like ${`admin-test-${run}%`}`;
    await closeDatabasePool();
  });

  const fields = (slug: string) => ({ slug, title: `Admin test ${run}`, description: 'For tests', solutionArea: null, symptoms: ['a symptom'], isPublished: false });
  const positions = async (guideId: string) => (await guides.getGuide({ claims: admin, guideId }))!.steps.map((step) => `${step.position}:${step.instruction}`);

  it('creates a guide, refuses a taken slug, and orders its steps with up / down and delete', async () => {
    const guideId = (await guides.createGuide({ claims: admin, fields: fields(`admin-test-${run}`) }))!;
    expect(guideId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await guides.createGuide({ claims: admin, fields: fields(`admin-test-${run}`) })).toBeNull();

    for (const instruction of ['first', 'second', 'third']) await guides.addGuideStep({ claims: admin, guideId, instruction });
    expect(await positions(guideId)).toEqual(['1:first', '2:second', '3:third']);

    const steps = (await guides.getGuide({ claims: admin, guideId }))!.steps;
    expect(await guides.moveGuideStep({ claims: admin, guideId, stepId: steps[2]!.id, direction: 'up' })).toBe(true);
    expect(await positions(guideId)).toEqual(['1:first', '2:third', '3:second']);
    expect(await guides.moveGuideStep({ claims: admin, guideId, stepId: steps[0]!.id, direction: 'up' })).toBe(false);
    expect(await guides.moveGuideStep({ claims: admin, guideId, stepId: steps[0]!.id, direction: 'down' })).toBe(true);
    expect(await positions(guideId)).toEqual(['1:third', '2:first', '3:second']);

    expect(await guides.deleteGuideStep({ claims: admin, guideId, stepId: steps[0]!.id })).toBe(true);
    expect(await positions(guideId)).toEqual(['1:third', '2:second']);
    expect(await guides.updateGuideStep({ claims: admin, stepId: steps[1]!.id, instruction: 'second, clearer' })).toBe(true);
    expect(await positions(guideId)).toEqual(['1:third', '2:second, clearer']);
  });

  it('publishes and unpublishes, and lists the guide with its figures', async () => {
    const guideId = (await guides.createGuide({ claims: admin, fields: fields(`admin-test-${run}-figures`) }))!;
    expect(await guides.setGuidePublished({ claims: admin, guideId, isPublished: true })).toBe(true);
    const listed = (await guides.listGuideFigures({ claims: admin })).find((guide) => guide.guideId === guideId);
    expect(listed).toMatchObject({ isPublished: true, sessions: 0, resolutionRate: null, misclassificationRate: null });
    expect(await guides.setGuidePublished({ claims: admin, guideId, isPublished: false })).toBe(true);
    // The seed's demo sessions are linked to their guides, so the figures are not empty on a fresh stack.
    const battery = (await guides.listGuideFigures({ claims: admin })).find((guide) => guide.slug === 'battery-keeps-dying');
    expect(battery!.sessions).toBeGreaterThanOrEqual(1);
    expect(battery!.resolutionRate).not.toBeNull();
    expect(battery!.averageStepsToResolution).not.toBeNull();
  });

  it('refuses customers: no figures, no new guides, no step changes', async () => {
    expect(await guides.listGuideFigures({ claims: customer })).toEqual([]);
    await expect(guides.createGuide({ claims: customer, fields: fields(`admin-test-${run}-customer`) })).rejects.toThrow(/row-level security/);
    const [published] = await sql`select id from public.guides where slug = 'car-wont-start'`;
    expect(await guides.setGuidePublished({ claims: customer, guideId: String(published!['id']), isPublished: false })).toBe(false);
  });
});
