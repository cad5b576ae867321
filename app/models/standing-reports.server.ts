// The standing reports (/admin/reports): one call of public.standing_reports(days) inside withRls, and the follow-up
// action public.open_follow_up_ticket. Both refuse anyone who is not an admin (42501) in the database.
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import { standingReportsSchema, type StandingReports } from '~/lib/shared/standing-reports';
import { z } from 'zod';

export async function getStandingReports({ claims, days }: { claims: RlsClaims; days: number }): Promise<StandingReports> {
  const [row] = await withRls(claims, (tx) => tx`select public.standing_reports(${days}::integer) as figures`);
  return standingReportsSchema.parse(row?.['figures']);
}

const followUpTicket = z.object({ ticket_id: z.string().uuid(), ticket_number: z.string(), already_open: z.boolean() });

/** Opens (or finds) the follow-up ticket of a guided fix that ended unresolved; database refusals are thrown as they come. */
export async function openFollowUpTicket({ claims, sessionId }: { claims: RlsClaims; sessionId: string }) {
  const [row] = await withRls(claims, (tx) => tx`select * from public.open_follow_up_ticket(${sessionId}::uuid)`);
  const ticket = followUpTicket.parse(row);
  return { ticketId: ticket.ticket_id, ticketNumber: ticket.ticket_number, alreadyOpen: ticket.already_open };
}
