// The signed-in technician's online / away switch (public.technician_availability.is_online), which automatic
// assignment reads (trigger b_assign_new_ticket). The policies let a technician write only their own row and the
// protect_availability_fields trigger keeps capacity and areas for admins, so nothing here guards by id.
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';

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
