// The solution areas (public.solution_areas) a question, a guide or an article can be about: the one list every
// form's "what is it about?" choice reads. Runs inside withRls; "Anyone can read solution areas".
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';

const solutionAreaSchema = z.object({ slug: z.string(), name: z.string(), description: z.string() });
export type SolutionArea = z.infer<typeof solutionAreaSchema>;

/** Every solution area, by name. */
export async function listSolutionAreas({ claims }: { claims: RlsClaims }): Promise<SolutionArea[]> {
  const rows = await withRls(claims, (tx) => tx`select slug, name, description from public.solution_areas order by name`);
  return z.array(solutionAreaSchema).parse(rows);
}
