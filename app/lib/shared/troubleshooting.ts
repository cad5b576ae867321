// What the guided-fix pages and their server code share (no server-only imports: route modules run in the browser too).
import { z } from 'zod';

/** The three ways a session ends, as public.complete_troubleshooting_session names them. */
export const outcomes = ['resolved', 'not_resolved', 'another_issue'] as const;
export type Outcome = (typeof outcomes)[number];

/** The vehicle picker's value: none, one of the customer's vehicles, or a catalogue model. */
export const vehicleValueSchema = z.union([z.literal(''), z.string().regex(/^vehicle:[0-9a-f-]{36}$/), z.string().regex(/^model:\d+$/)]);
export type VehicleValue = z.infer<typeof vehicleValueSchema>;
export const isVehicleValue = (value: string): value is VehicleValue => vehicleValueSchema.safeParse(value).success;
