// The held-out triage tickets (tests/fixtures/held-out/triage-tickets.json): their shape, and the customer's own
// words in each. For MEASURING only — see the file's provenance; nothing may train or tune on these items.
// The earlier set (tests/fixtures/dev/triage-tickets.json, same shape) is a dev set since its figures guided model
// choices; the held-out set that replaced it was written and frozen before any model ran on it.
import { z } from 'npm:zod@4';
import { TicketCategory, urgencyLevels } from '../../functions/_shared/triage/triage-schema.ts';

export const heldOutTicketsUrl = new URL('../../../tests/fixtures/held-out/triage-tickets.json', import.meta.url);

export const HeldOutTicket = z.object({
  // HT-: the earlier set (now the dev set); HV-: the held-out set written on 2026-12-04.
  id: z.string().regex(/^H[TV]-\d{3}$/),
  channel: z.enum(['web', 'chat', 'email']),
  subject: z.string().min(1).max(500),
  description: z.string().min(1).max(20_000),
  category: TicketCategory,
  urgency: z.enum(urgencyLevels),
  rationale: z.string().min(10),
}).strict();
export type HeldOutTicket = z.infer<typeof HeldOutTicket>;

export const HeldOutTicketFile = z.object({
  provenance: z.record(z.string(), z.unknown()),
  tickets: z.array(HeldOutTicket).min(1),
}).strict();

export async function loadHeldOutTickets(): Promise<HeldOutTicket[]> {
  return HeldOutTicketFile.parse(JSON.parse(await Deno.readTextFile(heldOutTicketsUrl))).tickets;
}

// A chat hand-off's content is the transcript the chat function writes ("Customer: …" / "Assistant: …" turns,
// conversation.ts). The assistant turns are the product's own boilerplate and quotes of seeded articles, so only
// the customer turns are the customer's wording.
const transcriptTurn = /^(Customer|Assistant): /m;

/** The pieces of a ticket written by the customer: the subject, and the description or its customer turns. */
export function customerWordings(ticket: Pick<HeldOutTicket, 'subject' | 'description'>): string[] {
  if (!transcriptTurn.test(ticket.description)) return [ticket.subject, ticket.description];
  const parts = ticket.description.split(/^(Customer|Assistant): /m).slice(1);
  const customerTurns: string[] = [];
  for (let index = 0; index + 1 < parts.length; index += 2) if (parts[index] === 'Customer') customerTurns.push(parts[index + 1]!);
  return [ticket.subject, ...customerTurns];
}
