// The customer's ticket page forms: a reply in the ticket's thread and the satisfaction rating (issue 16).
import { z } from 'zod';

export const customerTicketIntentSchema = z.enum(['reply', 'rate']);
export type CustomerTicketIntent = z.infer<typeof customerTicketIntentSchema>;

export const customerReplySchema = z.object({
  content: z.string().trim().min(1, 'Write something first.').max(10_000, 'Use at most 10,000 characters.'),
});

export const ticketRatingSchema = z.object({
  rating: z.coerce.number({ error: 'Choose a rating from 1 to 5.' }).int('Choose a rating from 1 to 5.').min(1, 'Choose a rating from 1 to 5.').max(5, 'Choose a rating from 1 to 5.'),
  comment: z
    .string()
    .trim()
    .max(2_000, 'Use at most 2,000 characters.')
    .optional()
    .transform((value) => (value ? value : undefined)),
});
