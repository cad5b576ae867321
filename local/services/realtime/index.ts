// Local Realtime service, mounted at /realtime/v1. Placeholder until the live issue lands.
import type { StackProfile } from '../../config.ts';
import { sendJson, type MountedService } from '../http.ts';
import type { StackKeys } from '../keys.ts';

export interface RealtimeServiceOptions {
  keys: StackKeys;
  dbUrl: string;
  profile: StackProfile;
}

export function createRealtimeService(_options: RealtimeServiceOptions): MountedService {
  return {
    prefix: '/realtime/v1',
    handle(_request, response) {
      sendJson(response, 501, { message: 'realtime is not served yet' });
    },
  };
}
