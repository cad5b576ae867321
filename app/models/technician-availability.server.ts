// The signed-in technician's online / away switch (public.technician_availability.is_online), which automatic
// assignment reads (trigger b_assign_new_ticket). The policies let a technician write only their own row and the
// protect_availability_fields trigger keeps capacity and areas for admins, so nothing here guards by id.
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { TechnicianAvailabilityView, TechnicianCapacityForm } from '~/lib/shared/assignment-form';

/** No row yet means away: the column's default, and assignment skips technicians without a row. */
export async function isTechnicianOnline({ claims }: { claims: RlsClaims }): Promise<boolean> {
  const [row] = await withRls(
    claims,
    (tx) => tx`select is_online from public.technician_availability where technician_id = (select auth.uid())`,
  );
  return z.object({ is_online: z.boolean() }).optional().parse(row)?.is_online ?? false;
}

/** Creates the caller's row on first use (capacity and areas then take the admin's defaults). */
export async function setTechnicianOnline({ claims, isOnline }: { claims: RlsClaims; isOnline: boolean }): Promise<boolean> {
  const [row] = await withRls(
    claims,
    (tx) => tx`
      insert into public.technician_availability (technician_id, is_online) values ((select auth.uid()), ${isOnline})
      on conflict (technician_id) do update set is_online = excluded.is_online
      returning is_online`,
  );
  return z.object({ is_online: z.boolean() }).parse(row).is_online;
}

// ---------------------------------------------------------------------------------------------------------------
// /admin/assignment: every technician's capacity, areas and load. Only an admin may set another's row (the
// policies refuse a technician's insert for someone else; protect_availability_fields their own capacity).
// ---------------------------------------------------------------------------------------------------------------
const availabilityRowSchema = z.object({
  technicianId: z.string().uuid(),
  name: z.string(),
  isOnline: z.boolean(),
  capacity: z.number().int(),
  solutionAreas: z.array(z.string()).nullable(),
  openTickets: z.number().int(),
});

/** Technicians without a row show the column defaults (away, capacity 5, every area), as assignment reads them. */
export async function listTechnicianAvailability({ claims }: { claims: RlsClaims }): Promise<TechnicianAvailabilityView[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select person.id as "technicianId", coalesce(nullif(trim(person.full_name), ''), person.email) as name,
        coalesce(availability.is_online, false) as "isOnline", coalesce(availability.capacity, 5) as capacity,
        availability.solution_areas as "solutionAreas",
        (select count(*)::int from public.tickets ticket
         where ticket.assigned_to = person.id and ticket.status in ('assigned', 'in_progress', 'waiting_on_customer')) as "openTickets"
      from public.profiles person
      left join public.technician_availability availability on availability.technician_id = person.id
      where person.role = 'technician'
      order by 2, 1
      limit 500`,
  );
  return z.array(availabilityRowSchema).parse(rows);
}

/** Sets a technician's capacity and areas (their online switch stays theirs). */
export async function setTechnicianCapacity({ claims, input }: { claims: RlsClaims; input: TechnicianCapacityForm }): Promise<boolean> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      insert into public.technician_availability (technician_id, capacity, solution_areas)
      select person.id, ${input.capacity}, ${input.solutionAreas}::text[]
      from public.profiles person where person.id = ${input.technicianId}::uuid and person.role = 'technician'
      on conflict (technician_id) do update set capacity = excluded.capacity, solution_areas = excluded.solution_areas
      returning technician_id`,
  );
  return rows.length === 1;
}
