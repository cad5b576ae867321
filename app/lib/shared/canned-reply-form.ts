// The /admin/canned-replies form: a canned reply's shortcut, title, text and macro part, and whether it is shared
// with all staff or the admin's own. The limits are public.canned_replies' checks, said in words before the database
// refuses. Which {{variables}} exist is the database's (private.fill_canned_reply_variables): the model asks it which
// ones a text leaves unfilled (app/models/canned-replies.server.ts), so no list of them is kept here.
import { z } from 'zod';
import { ticketStatuses } from '~/lib/shared/ticket-status';

const optionalText = (max: number, message: string) =>
  z
    .string()
    .max(max, message)
    .optional()
    .transform((value) => (value && value.trim() ? value : null));

export const cannedReplyScopes = ['shared', 'personal'] as const;
export type CannedReplyScope = (typeof cannedReplyScopes)[number];

export const cannedReplyFormSchema = z.object({
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter a shortcut (what the technician types after /).')
    .max(40, 'Use at most 40 characters.')
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use letters, digits and dashes, starting with a letter or digit.'),
  title: z.string().trim().min(1, 'Enter a title.').max(120, 'Use at most 120 characters.'),
  body: z.string().trim().min(1, 'Write the reply.').max(10_000, 'Use at most 10,000 characters.'),
  scope: z.enum(cannedReplyScopes, { message: 'Choose shared or personal.' }),
  setStatus: z
    .union([z.literal(''), z.enum(ticketStatuses.filter((status) => status !== 'merged') as [string, ...string[]])], {
      message: 'Choose a status from the list.',
    })
    .optional()
    .transform((value) => (value ? value : null)),
  internalNote: optionalText(10_000, 'Use at most 10,000 characters.'),
});
export type CannedReplyForm = z.output<typeof cannedReplyFormSchema>;

export const cannedReplyIdSchema = z.object({ cannedReplyId: z.string().uuid('Choose a canned reply.') });

/** The form's fields the database can refuse by constraint. */
export const cannedReplyFieldConstraints = {
  canned_replies_one_shortcut_per_owner: { field: 'shortcut', message: 'Another canned reply already uses this shortcut.' },
} as const;

/** Example variables for the form's hint; the database fills these and says which others it does not know. */
export const cannedReplyVariableExamples = ['{{customer.first_name}}', '{{customer.name}}', '{{ticket.number}}', '{{ticket.subject}}', '{{technician.first_name}}', '{{technician.name}}'];

export interface CannedReplyAdminView {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  scope: CannedReplyScope;
  setStatus: string | null;
  internalNote: string | null;
  updatedAt: string;
}
