// Triage accuracy on a labelled set: one home for the figures the dev test, the held-out test and the bench print.
import type { TicketCategory, TriageProvider } from '../../functions/_shared/triage/triage-schema.ts';

export interface LabelledForMeasure {
  subject: string;
  body: string;
  category: TicketCategory;
  urgency: 'high' | 'medium' | 'low';
}

export interface TriageFigures {
  n: number;
  categoryAccuracy: number;
  urgencyAccuracy: number;
  /** Of the tickets labelled high, the share triage called high. */
  highRecall: number;
  urgencyConfusion: Record<string, Record<string, number>>;
  categoryConfusion: Record<string, Record<string, number>>;
}

export async function measureTriage(provider: TriageProvider, tickets: readonly LabelledForMeasure[]): Promise<TriageFigures> {
  let categoryRight = 0;
  let urgencyRight = 0;
  let high = 0;
  let highCaught = 0;
  const urgencyConfusion: Record<string, Record<string, number>> = {};
  const categoryConfusion: Record<string, Record<string, number>> = {};
  for (const ticket of tickets) {
    const result = await provider.triage({ subject: ticket.subject, body: ticket.body }, { kbArticles: [] });
    if (result.category === ticket.category) categoryRight++;
    if (result.urgency === ticket.urgency) urgencyRight++;
    if (ticket.urgency === 'high') {
      high++;
      if (result.urgency === 'high') highCaught++;
    }
    (urgencyConfusion[ticket.urgency] ??= {})[result.urgency] = (urgencyConfusion[ticket.urgency][result.urgency] ?? 0) + 1;
    (categoryConfusion[ticket.category] ??= {})[result.category] = (categoryConfusion[ticket.category][result.category] ?? 0) + 1;
  }
  const n = tickets.length;
  return { n, categoryAccuracy: categoryRight / n, urgencyAccuracy: urgencyRight / n, highRecall: high ? highCaught / high : 1, urgencyConfusion, categoryConfusion };
}
