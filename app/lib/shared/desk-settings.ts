// The forms of /admin/sla: an SLA policy's targets and escalation, and how long a quiet resolved ticket stays open.
// The limits are the table's checks (sla_policies, desk_settings), said in words before the database refuses.
import { z } from 'zod';

const minutes = (what: string) =>
  z.coerce
    .number({ message: `Enter the ${what} in minutes.` })
    .int(`Enter the ${what} in whole minutes.`)
    .min(1, `The ${what} is at least 1 minute.`)
    .max(525_600, `The ${what} is at most a year (525600 minutes).`);

export const slaTargetsFormSchema = z
  .object({
    policyId: z.string().uuid('Choose a policy.'),
    firstResponseMinutes: minutes('first-response target'),
    resolutionMinutes: minutes('resolution target'),
    escalation: z.enum(['notify_lead', 'reassign'], { message: 'Choose notify the lead or reassign.' }),
    raisePriority: z.literal('on').optional().transform((value) => value === 'on'),
  })
  .refine((form) => form.resolutionMinutes >= form.firstResponseMinutes, {
    path: ['resolutionMinutes'],
    message: 'Resolution cannot be due before the first response.',
  });
export type SlaTargetsForm = z.output<typeof slaTargetsFormSchema>;

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
  escalation: 'notify_lead' | 'reassign';
  raisePriority: boolean;
}
