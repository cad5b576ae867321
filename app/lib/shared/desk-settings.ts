// The forms of /admin/sla: a new SLA policy, a policy's targets, business hours and escalation, and how long a quiet
// resolved ticket stays open.
// The limits are the table's checks (sla_policies, desk_settings), said in words before the database refuses.
import { z } from 'zod';

const minutes = (what: string) =>
  z.coerce
    .number({ message: `Enter the ${what} in minutes.` })
    .int(`Enter the ${what} in whole minutes.`)
    .min(1, `The ${what} is at least 1 minute.`)
    .max(525_600, `The ${what} is at most a year (525600 minutes).`);

const clockTime = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter the time business hours ${what} as HH:MM (24-hour).`);

/** What every policy form has: targets, business hours (the days come apart: slaBusinessDaysSchema) and escalation. */
const slaPolicyFields = {
  firstResponseMinutes: minutes('first-response target'),
  resolutionMinutes: minutes('resolution target'),
  timeZone: z
    .string()
    .trim()
    .min(1, 'Enter a time zone such as Europe/Berlin or UTC.')
    .max(64, 'Enter a time zone such as Europe/Berlin or UTC.')
    .default('UTC'),
  businessDayStarts: clockTime('start').default('09:00'),
  businessDayEnds: clockTime('end').default('17:00'),
  escalation: z.enum(['notify_lead', 'reassign'], {
    message: 'Choose notify the lead or reassign.',
  }),
  escalateTo: z
    .union([z.literal(''), z.string().uuid('Choose someone from the list.')])
    .optional()
    .transform((value) => (value ? value : null)),
  raisePriority: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
};

/** A policy's cross-field checks, shared by the create and edit forms (the table's checks, in words). */
function checkPolicy(
  form: {
    firstResponseMinutes: number;
    resolutionMinutes: number;
    businessDayStarts: string;
    businessDayEnds: string;
  },
  context: z.RefinementCtx
) {
  if (form.resolutionMinutes < form.firstResponseMinutes) {
    context.addIssue({
      code: 'custom',
      path: ['resolutionMinutes'],
      message: 'Resolution cannot be due before the first response.',
    });
  }
  // HH:MM strings compare as times.
  if (form.businessDayEnds <= form.businessDayStarts) {
    context.addIssue({
      code: 'custom',
      path: ['businessDayEnds'],
      message: 'Business hours must end after they start.',
    });
  }
}

export const slaTargetsFormSchema = z.object({ policyId: z.string().uuid('Choose a policy.'), ...slaPolicyFields }).superRefine(checkPolicy);
export type SlaTargetsForm = z.output<typeof slaTargetsFormSchema> & {
  businessDays: number[] | null;
};

export const slaPolicyCreateFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.'),
    // Empty: any urgency (also tickets not triaged yet) / any area.
    urgency: z
      .union([z.literal(''), z.enum(['high', 'medium', 'low'])], {
        message: 'Choose an urgency from the list.',
      })
      .optional()
      .transform((value) => (value ? value : null)),
    solutionArea: z
      .string()
      .trim()
      .max(100, 'Choose an area from the list.')
      .optional()
      .transform((value) => (value ? value : null)),
    ...slaPolicyFields,
  })
  .superRefine(checkPolicy);
export type SlaPolicyCreateForm = z.output<typeof slaPolicyCreateFormSchema> & {
  businessDays: number[] | null;
};

/** ISO weekdays ticked in the form (several values of one name); none ticked: the clock runs around the clock. */
export const slaBusinessDaysSchema = z
  .array(z.coerce.number().int().min(1, 'Choose days from the list.').max(7, 'Choose days from the list.'))
  .transform((days) => (days.length === 0 ? null : [...new Set(days)].sort((a, b) => a - b)));

export const isoWeekdays = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
] as const;

/** The policy forms' fields the database can refuse by constraint. */
export const slaPolicyFieldConstraints = {
  sla_policies_one_per_urgency_and_area: {
    field: 'urgency',
    message: 'A policy for this urgency and area already exists: edit that one.',
  },
  sla_policies_time_zone_check: {
    field: 'timeZone',
    message: 'Enter a time zone the database knows, such as Europe/Berlin or UTC.',
  },
  sla_policies_solution_area_fkey: {
    field: 'solutionArea',
    message: 'Choose one of the listed areas.',
  },
  sla_policies_escalate_to_fkey: {
    field: 'escalateTo',
    message: 'Choose someone from the list.',
  },
} as const;

export const closeResolvedFormSchema = z.object({
  closeResolvedAfterHours: z.coerce
    .number({ message: 'Enter the quiet period in hours.' })
    .int('Enter whole hours.')
    .min(1, 'The quiet period is at least 1 hour.')
    .max(24 * 365, 'The quiet period is at most a year.'),
});

export interface SlaPolicyView {
  id: string;
  name: string;
  urgency: string | null;
  solutionArea: string | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  timeZone: string;
  businessDays: number[] | null;
  businessDayStarts: string;
  businessDayEnds: string;
  escalation: 'notify_lead' | 'reassign';
  escalateTo: string | null;
  raisePriority: boolean;
}

export interface StaffMemberOption {
  id: string;
  name: string;
  role: string;
}
