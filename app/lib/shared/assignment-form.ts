// The /admin/assignment forms: whether a solution area's new tickets are assigned automatically
// (public.auto_assignment_rules) and each technician's capacity and areas (public.technician_availability). The
// limits are those tables' checks, said in words before the database refuses.
import { z } from 'zod';

/** "on": a rule that assigns; "paused": the rule kept but not assigning; "off": no rule (tickets wait in the queue). */
export const assignmentModes = ['on', 'paused', 'off'] as const;
export type AssignmentMode = (typeof assignmentModes)[number];

export const assignmentRuleFormSchema = z.object({
  // Empty: the rule for tickets without a solution area (web-form tickets).
  solutionArea: z
    .string()
    .trim()
    .default('')
    .transform((value) => (value === '' ? null : value)),
  mode: z.enum(assignmentModes, { message: 'Choose on, paused or off.' }),
});
export type AssignmentRuleForm = z.output<typeof assignmentRuleFormSchema>;

export const technicianCapacityFormSchema = z.object({
  technicianId: z.string().uuid('Choose a technician.'),
  capacity: z.coerce
    .number({ message: 'Enter the capacity as a number of tickets.' })
    .int('Enter a whole number of tickets.')
    .min(0, 'The capacity is at least 0 (0 takes no automatic tickets).')
    .max(200, 'The capacity is at most 200 open tickets.'),
});

/** The areas a technician takes, from the form's checkboxes (several values); none ticked means every area. */
export const technicianAreasSchema = z
  .array(z.string().trim().min(1).max(100, 'Choose areas from the list.'))
  .max(100, 'Choose at most 100 areas.')
  .transform((areas) => (areas.length === 0 ? null : [...new Set(areas)].sort()));

export type TechnicianCapacityForm = z.output<typeof technicianCapacityFormSchema> & { solutionAreas: string[] | null };

export const assignmentFieldConstraints = {
  auto_assignment_rules_solution_area_fkey: { field: 'solutionArea', message: 'Choose one of the listed areas.' },
} as const;

export interface AssignmentRuleView {
  solutionArea: string | null;
  isEnabled: boolean;
}

export interface TechnicianAvailabilityView {
  technicianId: string;
  name: string;
  isOnline: boolean;
  capacity: number;
  solutionAreas: string[] | null;
  openTickets: number;
}
