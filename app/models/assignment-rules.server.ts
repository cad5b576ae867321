// Automatic assignment's rules (public.auto_assignment_rules, read by trigger b_assign_new_ticket) as /admin/assignment
// edits them. The "Admins can … assignment rules" policies decide who may write: a non-admin's insert is refused
// (42501) and their update or delete matches no row.
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { AssignmentRuleForm, AssignmentRuleView } from '~/lib/shared/assignment-form';

export async function listAssignmentRules({ claims }: { claims: RlsClaims }): Promise<AssignmentRuleView[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`select solution_area as "solutionArea", is_enabled as "isEnabled" from public.auto_assignment_rules order by solution_area nulls first`,
  );
  return z.array(z.object({ solutionArea: z.string().nullable(), isEnabled: z.boolean() })).parse(rows);
}

/** Turns an area's rule on, pauses it or removes it; returns the rule as it now stands (null: no rule). */
export async function setAssignmentRule({ claims, rule }: { claims: RlsClaims; rule: AssignmentRuleForm }): Promise<AssignmentRuleView | null> {
  return withRls(claims, async (tx) => {
    if (rule.mode === 'off') {
      await tx`delete from public.auto_assignment_rules where solution_area is not distinct from ${rule.solutionArea}`;
      return null;
    }
    const isEnabled = rule.mode === 'on';
    // One rule per area, the null area included (unique nulls not distinct): change it if there, else add it.
    const updated = await tx`
      update public.auto_assignment_rules set is_enabled = ${isEnabled}
      where solution_area is not distinct from ${rule.solutionArea} returning solution_area`;
    if (updated.length === 0) await tx`insert into public.auto_assignment_rules (solution_area, is_enabled) values (${rule.solutionArea}, ${isEnabled})`;
    return { solutionArea: rule.solutionArea, isEnabled };
  });
}
