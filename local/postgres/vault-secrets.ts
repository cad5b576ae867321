// Gives Vault the two secrets database code needs to call edge functions (private.invoke_edge_function):
// the project URL (locally the gateway) and the service-role key. Hosted projects create them once by hand
// (docs/deploy-vault-secrets.md); the local stack rewrites them after every migration run, because the
// gateway port and the keys differ between profiles and slots.
import { spawnSync } from 'node:child_process';
import { StackError } from '../config.ts';

export interface EdgeFunctionSecrets {
  projectUrl: string;
  serviceRoleKey: string;
}

const upsertSecretsSql = `
select case
  when exists (select 1 from vault.secrets where name = 'project_url')
  then (select vault.update_secret(id, :'project_url') from vault.secrets where name = 'project_url')::text
  else vault.create_secret(:'project_url', 'project_url', 'Base URL of the project API, for pg_net calls to edge functions')::text
end;
select case
  when exists (select 1 from vault.secrets where name = 'service_role_key')
  then (select vault.update_secret(id, :'service_role_key') from vault.secrets where name = 'service_role_key')::text
  else vault.create_secret(:'service_role_key', 'service_role_key', 'Service-role key sent by pg_net calls to edge functions')::text
end;
`;

export function writeEdgeFunctionSecrets(dbUrl: string, secrets: EdgeFunctionSecrets): void {
  // psql variables quote the values (:'name'), so no value is ever spliced into SQL text.
  const result = spawnSync(
    'psql',
    [dbUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', `project_url=${secrets.projectUrl}`, '-v', `service_role_key=${secrets.serviceRoleKey}`],
    { input: upsertSecretsSql, encoding: 'utf8', env: { ...process.env, PGOPTIONS: '--client-min-messages=warning' } },
  );
  if (result.status !== 0) {
    throw new StackError('Writing the Vault secrets project_url and service_role_key failed:', (result.stderr || result.stdout).trim());
  }
}
