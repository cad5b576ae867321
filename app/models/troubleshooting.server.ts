// Guided troubleshooting for customers: match a guide, start a session, record each step, end with an outcome.
// Every function runs inside withRls, so the sessions' policies and public.complete_troubleshooting_session decide
// what a customer may read and change; nothing here filters by user id as a guard.
import { z } from 'zod';
import { DatabaseRefusal } from '~/lib/server/db-errors.server';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { Outcome, VehicleValue } from '~/lib/shared/troubleshooting';


const guideMatchSchema = z.object({
  guideId: z.string().uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  score: z.number(),
  confident: z.boolean(),
});
export type GuideMatch = z.infer<typeof guideMatchSchema>;

const vehicleChoiceSchema = z.object({ value: z.string(), label: z.string() });
export type VehicleChoice = z.infer<typeof vehicleChoiceSchema>;

// Timestamps are read as timestamptz (postgres.js gives a Date) and sent on as ISO 8601 with a Z. to_char(…, 'OF')
// wrote "+00", which JavaScript's Date cannot parse: every "Your guided fixes" row said "Invalid Date" (issue 21).
const isoTimestamp = z.date().transform((date) => date.toISOString());

const stepSchema = z.object({
  stepNumber: z.number().int().positive(),
  instruction: z.string(),
  attempted: z.boolean().nullable(),
  respondedAt: isoTimestamp.nullable(),
});
export type SessionStep = z.infer<typeof stepSchema>;

const sessionSchema = z.object({
  id: z.string().uuid(),
  issueDescription: z.string(),
  guideId: z.string().uuid().nullable(),
  guideTitle: z.string().nullable(),
  guideDescription: z.string().nullable(),
  vehicleLabel: z.string().nullable(),
  resolved: z.boolean(),
  misclassified: z.boolean(),
  abandoned: z.boolean(),
  completedAt: isoTimestamp.nullable(),
  ticketId: z.string().uuid().nullable(),
  ticketNumber: z.string().nullable(),
});

export type TroubleshootingSession = z.infer<typeof sessionSchema> & { steps: SessionStep[] };

const vehicleLabelSql = `concat_ws(' ', coalesce(vehicle.nickname || ':', null), coalesce(vehicle.year, model.year), coalesce(vehicle.make, model.make), coalesce(vehicle.model, model.model), model.submodel)`;

const catalogueModelSchema = vehicleChoiceSchema.extend({ make: z.string() });
/** The catalogue grouped by make, so the list reads as a few groups to jump between instead of one long run. */
export type VehicleCatalogueGroup = { make: string; models: VehicleChoice[] };

/**
 * The customer's own vehicles, then the catalogue grouped by make (picking a catalogue model adds it to their
 * vehicles). Without the groups the customer's car was followed by ~75 models in one flat list (issue 21).
 */
export async function listVehicleChoices({ claims }: { claims: RlsClaims }): Promise<{ own: VehicleChoice[]; catalogue: VehicleCatalogueGroup[] }> {
  return withRls(claims, async (tx) => {
    const own = await tx.unsafe(`
      select 'vehicle:' || vehicle.id as value, ${vehicleLabelSql} || coalesce(' · VIN ' || vehicle.vin, '') as label
      from public.customer_vehicles vehicle
      left join public.vehicle_models model on model.id = vehicle.vehicle_model_id
      where vehicle.customer_id = (select auth.uid())
      order by vehicle.created_at`);
    const catalogue = await tx`
      select 'model:' || model.id as value, model.make, concat_ws(' ', model.year, model.make, model.model, model.submodel, model.engine_size) as label
      from public.vehicle_models model
      order by model.make, model.model, model.year desc, model.id`;
    const groups = new Map<string, VehicleChoice[]>();
    for (const { make, value, label } of z.array(catalogueModelSchema).parse(catalogue)) groups.set(make, [...(groups.get(make) ?? []), { value, label }]);
    return { own: z.array(vehicleChoiceSchema).parse(own), catalogue: [...groups].map(([make, models]) => ({ make, models })) };
  });
}

const recentSessionSchema = z.object({
  id: z.string().uuid(),
  guideTitle: z.string().nullable(),
  issueDescription: z.string(),
  startedAt: isoTimestamp,
  status: z.enum(['in_progress', 'resolved', 'ticket', 'wrong_guide', 'left']),
  ticketNumber: z.string().nullable(),
});
export type RecentSession = z.infer<typeof recentSessionSchema>;

/** The customer's latest sessions, newest first, so an unfinished one can be picked up again. */
export async function listRecentSessions({ claims, limit = 5 }: { claims: RlsClaims; limit?: number }): Promise<RecentSession[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select session.id, session.guide_title as "guideTitle", session.issue_description as "issueDescription",
        session.started_at as "startedAt",
        case
          when session.completed_at is null then 'in_progress'
          when session.resolved then 'resolved'
          when session.misclassified then 'wrong_guide'
          when ticket.number is not null then 'ticket'
          else 'left'
        end as status,
        ticket.number as "ticketNumber"
      from public.troubleshooting_sessions session
      left join public.tickets ticket on ticket.troubleshooting_session_id = session.id
      where session.customer_id = (select auth.uid())
      order by session.started_at desc, session.id
      limit ${limit}`,
  );
  return z.array(recentSessionSchema).parse(rows);
}

/** The best published guides for a description (public.match_guides), best first. */
export async function matchGuides({ claims, description, count = 3 }: { claims: RlsClaims; description: string; count?: number }): Promise<GuideMatch[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select guide_id as "guideId", slug, title, guide_description as description, score, confident
      from public.match_guides(${description}, ${count})`,
  );
  return z.array(guideMatchSchema).parse(rows);
}


/**
 * Starts a session on a chosen guide. A catalogue pick becomes (or reuses) one of the customer's vehicles, so the
 * ticket can carry it. Returns the session id.
 */
export async function startSession({ claims, description, guideId, vehicle }: { claims: RlsClaims; description: string; guideId: string; vehicle: VehicleValue }): Promise<string> {
  return withRls(claims, async (tx) => {
    let vehicleId: string | null = null;
    if (vehicle.startsWith('vehicle:')) {
      // Read as the caller, so RLS decides: another customer's vehicle is simply not there (the insert policy would
      // refuse it too, but only as a bare "not allowed"; this says which field is wrong).
      const [own] = await tx`select id from public.customer_vehicles where id = ${vehicle.slice('vehicle:'.length)}`;
      if (!own) throw new DatabaseRefusal({ code: 'vehicle_not_found', status: 400, field: 'vehicle', message: 'Choose one of your own vehicles from the list.' });
      vehicleId = z.string().uuid().parse(own['id']);
    }
    if (vehicle.startsWith('model:')) {
      const modelId = Number(vehicle.slice('model:'.length));
      const [existing] = await tx`select id from public.customer_vehicles where customer_id = (select auth.uid()) and vehicle_model_id = ${modelId} order by created_at limit 1`;
      const [created] = existing
        ? [existing]
        : await tx`
            insert into public.customer_vehicles (customer_id, vehicle_model_id, year, make, model)
            select (select auth.uid()), model.id, model.year, model.make, model.model from public.vehicle_models model where model.id = ${modelId}
            returning id`;
      vehicleId = created ? z.string().uuid().parse(created['id']) : null;
    }
    const [session] = await tx`
      insert into public.troubleshooting_sessions (customer_id, issue_description, guide_id, customer_vehicle_id)
      select (select auth.uid()), ${description}, guide.id, ${vehicleId}
      from public.guides guide where guide.id = ${guideId} and guide.is_published
      returning id`;
    if (!session) throw new Response('That guide is not available.', { status: 404 });
    return z.string().uuid().parse(session['id']);
  });
}

/** The session with its guide's steps and the customer's response to each, or null when it is not theirs. */
export async function getSession({ claims, sessionId }: { claims: RlsClaims; sessionId: string }): Promise<TroubleshootingSession | null> {
  return withRls(claims, async (tx) => {
    const [row] = await tx.unsafe(
      `
      select session.id, session.issue_description as "issueDescription", session.guide_id as "guideId",
        session.guide_title as "guideTitle", guide.description as "guideDescription",
        case when vehicle.id is not null then ${vehicleLabelSql} end as "vehicleLabel",
        session.resolved, session.misclassified, session.abandoned,
        session.completed_at as "completedAt",
        ticket.id as "ticketId", ticket.number as "ticketNumber"
      from public.troubleshooting_sessions session
      left join public.tickets ticket on ticket.troubleshooting_session_id = session.id
      left join public.guides guide on guide.id = session.guide_id
      left join public.customer_vehicles vehicle on vehicle.id = session.customer_vehicle_id
      left join public.vehicle_models model on model.id = vehicle.vehicle_model_id
      where session.id = $1`,
      [sessionId],
    );
    if (!row) return null;
    const session = sessionSchema.parse(row);
    // The guide's steps as they are now, merged with the steps as shown in this session (which keep their text
    // even if the guide was edited or unpublished since).
    const steps = await tx`
      select coalesce(guide_step.position, shown.step_number) as "stepNumber",
        coalesce(shown.step_text, guide_step.instruction) as instruction,
        shown.attempted,
        shown.responded_at as "respondedAt"
      from (select position, instruction from public.guide_steps where guide_id = ${session.guideId}) guide_step
      full outer join (select * from public.troubleshooting_session_steps where session_id = ${sessionId}) shown
        on shown.step_number = guide_step.position
      order by 1`;
    return { ...session, steps: z.array(stepSchema).parse(steps) };
  });
}

/** Records the customer's answer to one step: tried it (attempted) or skipped it, and when. */
export async function recordStep({ claims, sessionId, stepNumber, attempted }: { claims: RlsClaims; sessionId: string; stepNumber: number; attempted: boolean }): Promise<boolean> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted, responded_at)
      select session.id, step.position, step.instruction, ${attempted}, now()
      from public.troubleshooting_sessions session
      join public.guide_steps step on step.guide_id = session.guide_id and step.position = ${stepNumber}
      where session.id = ${sessionId} and session.completed_at is null
      on conflict (session_id, step_number) do update set attempted = excluded.attempted, responded_at = excluded.responded_at
      returning id`,
  );
  return rows.length === 1;
}

/** Ends the session through public.complete_troubleshooting_session; returns the ticket number for not_resolved. */
export async function completeSession({ claims, sessionId, outcome }: { claims: RlsClaims; sessionId: string; outcome: Outcome }): Promise<{ ticketNumber: string | null }> {
  return withRls(claims, async (tx) => {
    const [result] = await tx`select public.complete_troubleshooting_session(${sessionId}, ${outcome}) as ticket_id`;
    const ticketId = z.string().uuid().nullable().parse(result?.['ticket_id'] ?? null);
    if (!ticketId) return { ticketNumber: null };
    const [ticket] = await tx`select number from public.tickets where id = ${ticketId}`;
    return { ticketNumber: z.string().parse(ticket?.['number']) };
  });
}

/** After "this isn't my problem": the next-best guides for the same description, without the one that did not fit. */
export async function nextBestGuides({ claims, session }: { claims: RlsClaims; session: Pick<TroubleshootingSession, 'issueDescription' | 'guideId'> }): Promise<GuideMatch[]> {
  const matches = await matchGuides({ claims, description: session.issueDescription, count: 4 });
  return matches.filter((match) => match.guideId !== session.guideId).slice(0, 3);
}

/** The vehicle a session named, as the form value that starts another session on the same vehicle. */
export async function sessionVehicleValue({ claims, sessionId }: { claims: RlsClaims; sessionId: string }): Promise<VehicleValue> {
  const [row] = await withRls(claims, (tx) => tx`select customer_vehicle_id from public.troubleshooting_sessions where id = ${sessionId}`);
  const vehicleId = z.string().uuid().nullable().parse(row?.['customer_vehicle_id'] ?? null);
  return vehicleId ? `vehicle:${vehicleId}` : '';
}
