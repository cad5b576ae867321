// The triage edge function: see handler.ts (what it does) and worker.ts (how it drains the queue).
import { createTriageHandler } from './handler.ts';

Deno.serve(createTriageHandler());
