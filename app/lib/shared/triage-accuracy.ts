// What public.triage_accuracy(days) returns (validated where it enters the app) and the sums /admin shows.
import { z } from 'zod';

const fieldFiguresSchema = z.object({
  values: z.array(z.string()),
  perValue: z.array(z.object({ said: z.string(), total: z.number().int(), correct: z.number().int() })),
  cells: z.array(z.object({ said: z.string(), final: z.string(), tickets: z.number().int() })),
});
export type TriageFieldFigures = z.infer<typeof fieldFiguresSchema>;

export const triageAccuracySchema = z.object({
  days: z.number().int(),
  corrections: z.number().int(),
  fields: z.object({ category: fieldFiguresSchema, urgency: fieldFiguresSchema }),
});
export type TriageAccuracy = z.infer<typeof triageAccuracySchema>;

/** Share of tickets whose value triage got right (null when nothing was triaged). */
export function overallAccuracy(figures: TriageFieldFigures): number | null {
  const total = figures.perValue.reduce((sum, row) => sum + row.total, 0);
  return total === 0 ? null : figures.perValue.reduce((sum, row) => sum + row.correct, 0) / total;
}

/** Tickets triage said `said` for that ended up `final` (0 for an empty cell). */
export function cellCount(figures: TriageFieldFigures, said: string, final: string): number {
  return figures.cells.find((cell) => cell.said === said && cell.final === final)?.tickets ?? 0;
}
