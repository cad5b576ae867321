// Local Auth service, mounted at /auth/v1. Placeholder until the accounts issue lands:
// it serves the JWKS and health so clients can find the keys.
import type { ProjectConfig } from '../../config.ts';
import { corsHeaders, sendJson, type MountedService } from '../http.ts';
import type { StackKeys } from '../keys.ts';

export interface AuthServiceOptions {
  keys: StackKeys;
  dbUrl: string;
  config: ProjectConfig;
  apiUrl: string;
}

export function createAuthService(options: AuthServiceOptions): MountedService {
  return {
    prefix: '/auth/v1',
    handle(_request, response, path) {
      const route = path.split('?')[0];
      if (route === '/.well-known/jwks.json') return sendJson(response, 200, options.keys.jwks, corsHeaders);
      if (route === '/health') return sendJson(response, 200, { version: 'local', name: 'GoTrue', description: 'Support Hub local auth' }, corsHeaders);
      sendJson(response, 501, { code: 'not_implemented', message: `auth route ${route} is not served yet` }, corsHeaders);
    },
  };
}
