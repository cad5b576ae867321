// How well the CURRENT local triage provider does on the held-out tickets (wording no model has seen): category
// and urgency accuracy, recall of high urgency and both confusion matrices. The one home of this measurement —
// the deno test and `npm run bench -- triage` (which runs this file with --json) both call it. Aggregates only:
// per-ticket results are never printed, so nobody tunes a model by reading the held-out items.
import { LocalTriageProvider } from '../../functions/_shared/triage/local-triage-provider.ts';
import { ticketCategories, type TriageProvider, urgencyLevels } from '../../functions/_shared/triage/triage-schema.ts';
import { type HeldOutTicket, loadHeldOutTickets } from './held-out-tickets.ts';

/** Issue 15's "done when": the lead asserts these once the rebuilt models meet them. */
export const heldOutTriageTargets = { categoryAccuracy: 0.9, urgencyAccuracy: 0.8, highUrgencyRecall: 0.9 } as const;

/** actual label → predicted label → count */
export type ConfusionMatrix = Record<string, Record<string, number>>;

export interface HeldOutTriageFigures {
  tickets: number;
  /** Tickets for which the provider returned a category and an urgency from the schema's enums. */
  validResults: number;
  categoryAccuracy: number;
  urgencyAccuracy: number;
  /** Share of high-urgency tickets predicted high: an emergency marked medium is the costly error. */
  highUrgencyRecall: number;
  categoryConfusion: ConfusionMatrix;
  urgencyConfusion: ConfusionMatrix;
}

function emptyMatrix(labels: readonly string[]): ConfusionMatrix {
  return Object.fromEntries(labels.map((actual) => [actual, Object.fromEntries(labels.map((predicted) => [predicted, 0]))]));
}

export async function evaluateTriageOnHeldOut(
  provider: TriageProvider = new LocalTriageProvider(),
  tickets?: readonly HeldOutTicket[],
): Promise<HeldOutTriageFigures> {
  const items = tickets ?? await loadHeldOutTickets();
  const categoryConfusion = emptyMatrix(ticketCategories);
  const urgencyConfusion = emptyMatrix(urgencyLevels);
  let validResults = 0;
  let categoryCorrect = 0;
  let urgencyCorrect = 0;
  for (const ticket of items) {
    // No articles: category and urgency must come from the ticket itself.
    const result = await provider.triage({ subject: ticket.subject, body: ticket.description, channel: ticket.channel }, { kbArticles: [] });
    const validCategory = (ticketCategories as readonly string[]).includes(result.category);
    const validUrgency = (urgencyLevels as readonly string[]).includes(result.urgency);
    if (validCategory && validUrgency) validResults++;
    if (validCategory) categoryConfusion[ticket.category]![result.category]!++;
    if (validUrgency) urgencyConfusion[ticket.urgency]![result.urgency]!++;
    if (result.category === ticket.category) categoryCorrect++;
    if (result.urgency === ticket.urgency) urgencyCorrect++;
  }
  const high = urgencyConfusion.high!;
  const highTotal = Object.values(high).reduce((sum, count) => sum + count, 0);
  return {
    tickets: items.length,
    validResults,
    categoryAccuracy: items.length ? categoryCorrect / items.length : 0,
    urgencyAccuracy: items.length ? urgencyCorrect / items.length : 0,
    highUrgencyRecall: highTotal ? high.high! / highTotal : 0,
    categoryConfusion,
    urgencyConfusion,
  };
}

/** Whether the figures meet issue 15's targets, and which do not. */
export function heldOutTriageTargetsMet(figures: HeldOutTriageFigures): { met: boolean; missed: string[] } {
  const missed = (Object.keys(heldOutTriageTargets) as Array<keyof typeof heldOutTriageTargets>)
    .filter((name) => figures[name] < heldOutTriageTargets[name])
    .map((name) => `${name} ${figures[name].toFixed(2)} < ${heldOutTriageTargets[name]}`);
  return { met: missed.length === 0, missed };
}

function matrixText(matrix: ConfusionMatrix): string {
  return Object.entries(matrix).map(([actual, row]) => `${actual}→{${Object.entries(row).map(([predicted, count]) => `${predicted}:${count}`).join(',')}}`).join(' ');
}

/** The one `HELD-OUT triage …` line printed by the test and the bench. */
export function heldOutTriageLine(figures: HeldOutTriageFigures): string {
  const { met, missed } = heldOutTriageTargetsMet(figures);
  return `HELD-OUT triage n=${figures.tickets} category_accuracy=${figures.categoryAccuracy.toFixed(3)} urgency_accuracy=${figures.urgencyAccuracy.toFixed(3)} ` +
    `high_recall=${figures.highUrgencyRecall.toFixed(3)} targets_met=${met ? 'yes' : `no (${missed.join('; ')})`} ` +
    `urgency_confusion(actual→predicted): ${matrixText(figures.urgencyConfusion)} category_confusion(actual→predicted): ${matrixText(figures.categoryConfusion)}`;
}

// `deno run --allow-read held-out-evaluation.ts [--json]`: the line, or for the Node bench one JSON line with the
// figures and the line.
if (import.meta.main) {
  const figures = await evaluateTriageOnHeldOut();
  const line = heldOutTriageLine(figures);
  console.log(Deno.args.includes('--json') ? JSON.stringify({ figures, line }) : line);
}
