// The triage edge function: see handler.ts (what it does) and worker.ts (how it drains the queue).
import { createTriageHandler } from './handler.ts';

/** One handler per function instance: it holds the instance's single drain (see handler.ts). */
export const handler = createTriageHandler();

if (import.meta.main) Deno.serve(handler);
