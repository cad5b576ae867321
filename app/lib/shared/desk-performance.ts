// The desk's figures for /admin (public.desk_performance): SLA attainment, CSAT over time and per technician.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const minutes = z.number().nullable();

export const deskPerformanceSchema = z.object({
  days: z.number().int(),
  sla: z.object({ first_response_met: count, first_response_missed: count, resolution_met: count, resolution_missed: count }),
  csat: z.object({ ratings: count, satisfied: count }),
  csat_by_day: z.array(z.object({ day: z.string(), ratings: count, satisfied: count })),
  technicians: z.array(
    z.object({
      technician_id: z.string().uuid(),
      name: z.string().nullable(),
      open_load: count,
      first_response_median_minutes: minutes,
      resolution_median_minutes: minutes,
      ratings: count,
      satisfied: count,
      sla_met: count,
      sla_missed: count,
    }),
  ),
});
export type DeskPerformance = z.infer<typeof deskPerformanceSchema>;

/** met / (met + missed), or null when nothing was decided. */
export function shareOf(part: number, rest: number): number | null {
  return part + rest === 0 ? null : part / (part + rest);
}
