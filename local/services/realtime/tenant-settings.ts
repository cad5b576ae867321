// The project's Realtime settings, as Supabase keeps them per tenant outside the project's schemas (the dashboard's
// Realtime settings, or the Management API's `PATCH /v1/projects/{ref}/config/realtime`). Locally they live in
// `_realtime.tenant_settings` (local/postgres/bootstrap/10-realtime.sql): the stack writes the project's choice from
// supabase/realtime-settings.json on every start, and a test may change a setting for the running stack with SQL, as
// Supabase Realtime's own tests change a tenant's configuration. Read on every join and REST broadcast, so a change
// takes effect at once.
import type postgres from 'postgres';
import { z } from 'zod';
import { projectRoot, readProjectSettingsFile } from '../../config.ts';

/** The join reply Supabase Realtime gives a public join when public access is off. */
export const privateOnlyReason = 'PrivateOnly: This project only allows private channels';

const projectRealtimeSettingsSchema = z.object({
  /** "Allow public access" off: only private channels (authorised by RLS on realtime.messages) may be joined. */
  private_only: z.boolean(),
}).strict();
export type ProjectRealtimeSettings = z.infer<typeof projectRealtimeSettingsSchema>;

export function readProjectRealtimeSettings(root = projectRoot): ProjectRealtimeSettings {
  return readProjectSettingsFile('realtime-settings', projectRealtimeSettingsSchema, root);
}

/** Writes the project's settings into the stack's tenant row (on start). */
export async function applyProjectRealtimeSettings(sql: postgres.Sql, settings: ProjectRealtimeSettings): Promise<void> {
  await sql`update _realtime.tenant_settings set private_only = ${settings.private_only}, updated_at = now()`;
}

export interface TenantSettings {
  privateOnly(): Promise<boolean>;
}

export function tenantSettingsFrom(sql: postgres.Sql): TenantSettings {
  return {
    async privateOnly() {
      const [row] = await sql<{ private_only: boolean }[]>`select private_only from _realtime.tenant_settings`;
      // No row means the bootstrap did not run: fail closed, as a project with public access off would.
      return row?.private_only ?? true;
    },
  };
}
