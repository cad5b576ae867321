// Guides for admins (/admin/guides): list with figures, create, edit, publish, and ordered steps. Every function
// runs inside withRls: "Admins can manage guides / guide steps" and the admin-only public.guide_figures view decide.
import { z } from 'zod';
import { withRls, type RlsClaims, type RlsTransaction } from '~/lib/server/db.server';

const nullableNumber = z.union([z.number(), z.string().transform(Number)]).nullable();

const guideFiguresSchema = z.object({
  guideId: z.string().uuid(),
  slug: z.string(),
  title: z.string(),
  isPublished: z.boolean(),
  stepCount: z.number(),
  sessions: z.number(),
  completedSessions: z.number(),
  resolutionRate: nullableNumber,
  averageStepsToResolution: nullableNumber,
  misclassificationRate: nullableNumber,
  abandonedSessions: z.number(),
});
export type GuideFigures = z.infer<typeof guideFiguresSchema>;

const guideStepSchema = z.object({ id: z.string().uuid(), position: z.number(), instruction: z.string() });
export type GuideStep = z.infer<typeof guideStepSchema>;

const guideSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  solutionArea: z.string().nullable(),
  symptoms: z.array(z.string()),
  isPublished: z.boolean(),
});
export type Guide = z.infer<typeof guideSchema>;
export type GuideFields = Omit<Guide, 'id'>;

export async function listGuideFigures({ claims }: { claims: RlsClaims }): Promise<GuideFigures[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select guide_id as "guideId", slug, title, is_published as "isPublished", step_count as "stepCount", sessions,
        completed_sessions as "completedSessions", resolution_rate as "resolutionRate",
        average_steps_to_resolution as "averageStepsToResolution", misclassification_rate as "misclassificationRate",
        abandoned_sessions as "abandonedSessions"
      from public.guide_figures
      order by title, slug`,
  );
  return z.array(guideFiguresSchema).parse(rows);
}

export async function getGuide({ claims, guideId }: { claims: RlsClaims; guideId: string }): Promise<(Guide & { steps: GuideStep[] }) | null> {
  return withRls(claims, async (tx) => {
    const [row] = await tx`
      select id, slug, title, description, solution_area as "solutionArea", symptoms, is_published as "isPublished"
      from public.guides where id = ${guideId}`;
    if (!row) return null;
    const steps = await tx`select id, position, instruction from public.guide_steps where guide_id = ${guideId} order by position`;
    return { ...guideSchema.parse(row), steps: z.array(guideStepSchema).parse(steps) };
  });
}

/** Creates a guide; returns its id, or null when the slug is taken. */
export async function createGuide({ claims, fields }: { claims: RlsClaims; fields: GuideFields }): Promise<string | null> {
  return withRls(claims, async (tx) => {
    const [row] = await tx`
      insert into public.guides (slug, title, description, solution_area, symptoms, is_published)
      values (${fields.slug}, ${fields.title}, ${fields.description}, ${fields.solutionArea}, ${fields.symptoms}, ${fields.isPublished})
      on conflict (slug) do nothing
      returning id`;
    return row ? z.string().uuid().parse(row['id']) : null;
  });
}

/** Saves a guide's fields; false when the slug belongs to another guide. */
export async function updateGuide({ claims, guideId, fields }: { claims: RlsClaims; guideId: string; fields: GuideFields }): Promise<boolean> {
  return withRls(claims, async (tx) => {
    const [taken] = await tx`select 1 from public.guides where slug = ${fields.slug} and id <> ${guideId}`;
    if (taken) return false;
    const updated = await tx`
      update public.guides set slug = ${fields.slug}, title = ${fields.title}, description = ${fields.description},
        solution_area = ${fields.solutionArea}, symptoms = ${fields.symptoms}, is_published = ${fields.isPublished}
      where id = ${guideId}
      returning id`;
    return updated.length === 1;
  });
}

export async function setGuidePublished({ claims, guideId, isPublished }: { claims: RlsClaims; guideId: string; isPublished: boolean }): Promise<boolean> {
  const rows = await withRls(claims, (tx) => tx`update public.guides set is_published = ${isPublished} where id = ${guideId} returning id`);
  return rows.length === 1;
}

export async function addGuideStep({ claims, guideId, instruction }: { claims: RlsClaims; guideId: string; instruction: string }): Promise<void> {
  await withRls(claims, async (tx) => {
    await lockSteps(tx, guideId);
    await tx`
      insert into public.guide_steps (guide_id, position, instruction)
      select ${guideId}, coalesce(max(position), 0) + 1, ${instruction} from public.guide_steps where guide_id = ${guideId}`;
  });
}

export async function updateGuideStep({ claims, stepId, instruction }: { claims: RlsClaims; stepId: string; instruction: string }): Promise<boolean> {
  const rows = await withRls(claims, (tx) => tx`update public.guide_steps set instruction = ${instruction} where id = ${stepId} returning id`);
  return rows.length === 1;
}

/** Deletes a step and closes the gap, so positions stay 1..n. */
export async function deleteGuideStep({ claims, guideId, stepId }: { claims: RlsClaims; guideId: string; stepId: string }): Promise<boolean> {
  return withRls(claims, async (tx) => {
    await lockSteps(tx, guideId);
    const [deleted] = await tx`delete from public.guide_steps where id = ${stepId} and guide_id = ${guideId} returning position`;
    if (!deleted) return false;
    // (guide_id, position) is unique and checked row by row: move the tail out of the way, then back one place.
    await tx`update public.guide_steps set position = position + 100000 where guide_id = ${guideId} and position > ${deleted['position']}`;
    await tx`update public.guide_steps set position = position - 100001 where guide_id = ${guideId} and position > 100000`;
    return true;
  });
}

/** Swaps a step with its neighbour above or below; false at either end. */
export async function moveGuideStep({ claims, guideId, stepId, direction }: { claims: RlsClaims; guideId: string; stepId: string; direction: 'up' | 'down' }): Promise<boolean> {
  return withRls(claims, async (tx) => {
    await lockSteps(tx, guideId);
    const [step] = await tx`select position from public.guide_steps where id = ${stepId} and guide_id = ${guideId}`;
    if (!step) return false;
    const position = z.number().parse(step['position']);
    const [neighbour] =
      direction === 'up'
        ? await tx`select id, position from public.guide_steps where guide_id = ${guideId} and position < ${position} order by position desc limit 1`
        : await tx`select id, position from public.guide_steps where guide_id = ${guideId} and position > ${position} order by position limit 1`;
    if (!neighbour) return false;
    // Through a free position, because (guide_id, position) is unique and checked row by row.
    await tx`update public.guide_steps set position = (select max(position) + 1 from public.guide_steps where guide_id = ${guideId}) where id = ${stepId}`;
    await tx`update public.guide_steps set position = ${position} where id = ${neighbour['id']}`;
    await tx`update public.guide_steps set position = ${neighbour['position']} where id = ${stepId}`;
    return true;
  });
}

/** Serialises step edits of one guide, so two admins reordering at once cannot collide on a position. */
async function lockSteps(tx: RlsTransaction, guideId: string): Promise<void> {
  await tx`select id from public.guides where id = ${guideId} for update`;
}
