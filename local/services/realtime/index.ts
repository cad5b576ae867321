// Local Realtime service, mounted at /realtime/v1: the websocket endpoint realtime-js
// connects to (`/websocket?apikey=…&vsn=1.0.0|2.0.0`) and the REST broadcast endpoint.
// Modules: protocol (wire format), channels (joins, broadcast, presence per connection),
// postgres-changes (slot poll + RLS per subscriber), auth (tokens, private channels).
import postgres from 'postgres';
import { WebSocketServer } from 'ws';
import type { StackProfile } from '../../config.ts';
import { corsHeaders, sendJson, type MountedService } from '../http.ts';
import type { StackKeys } from '../keys.ts';
import { warn } from '../../log.ts';
import { handleBroadcastApi } from './broadcast-api.ts';
import { ChannelHub, Connection } from './channels.ts';
import { ChangeFeed } from './postgres-changes.ts';
import type { ProtocolVersion } from './protocol.ts';
import { applyProjectRealtimeSettings, readProjectRealtimeSettings, tenantSettingsFrom } from './tenant-settings.ts';

export interface RealtimeServiceOptions {
  keys: StackKeys;
  dbUrl: string;
  profile: StackProfile;
}

export function createRealtimeService(options: RealtimeServiceOptions): MountedService {
  const sql = postgres(options.dbUrl, { max: 4, onnotice: () => {}, idle_timeout: 30, connect_timeout: 5, connection: { synchronous_commit: 'on' } });
  const hub = new ChannelHub();
  const feed = new ChangeFeed(sql, warn);
  // Read before anything starts, so a malformed settings file stops the stack with its own message.
  const projectSettings = readProjectRealtimeSettings();
  const started = Promise.all([feed.start(), applyProjectRealtimeSettings(sql, projectSettings)]);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 3 * 1024 * 1024 });
  const context = { keys: options.keys, sql, hub, feed, settings: tenantSettingsFrom(sql) };
  const restart = simulatedRestarts(sql, () => {
    for (const client of sockets.clients) client.terminate();
  });

  return {
    prefix: '/realtime/v1',
    handle(request, response, path) {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, corsHeaders).end();
        return;
      }
      if (path.startsWith('/api/broadcast')) return started.then(() => handleBroadcastApi(request, response, path, context));
      sendJson(response, 404, { error: 'not found: Realtime serves /websocket and /api/broadcast' }, corsHeaders);
    },
    upgrade(request, socket, head, path) {
      const url = new URL(path, 'http://local');
      const vsn = url.searchParams.get('vsn') ?? '1.0.0';
      const apiKey = url.searchParams.get('apikey');
      const refuse = (status: string, message: string) => socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${message}`);
      if (url.pathname !== '/websocket' && url.pathname !== '/websocket/') return refuse('404 Not Found', 'Realtime serves /realtime/v1/websocket');
      if (vsn !== '1.0.0' && vsn !== '2.0.0') return refuse('400 Bad Request', `unsupported vsn ${vsn}: use 1.0.0 or 2.0.0`);
      if (!apiKey) return refuse('401 Unauthorized', 'the apikey query parameter is required');
      if (restart.isDown()) return refuse('503 Service Unavailable', 'Realtime is restarting');
      void Promise.all([started, options.keys.verify(apiKey)]).then(
        () => sockets.handleUpgrade(request, socket, head, (ws) => new Connection(ws, vsn as ProtocolVersion, apiKey, context)),
        () => refuse('403 Forbidden', 'the apikey is not a valid API key for this project'),
      );
    },
    async close() {
      await restart.stop();
      await feed.stop();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await sql.end({ timeout: 2 });
    },
  };
}

/** The channel a test notifies to restart the local Realtime service (payload: how long it stays down, in ms). */
export const REALTIME_RESTART_CHANNEL = 'local_realtime_restart';
const LONGEST_OUTAGE_MS = 60_000;

/**
 * A Realtime restart on demand, for the fault tests (issue 20): `select pg_notify('local_realtime_restart', '3000')`
 * drops every socket at once, as a restarting Realtime node does, and refuses new ones for that long, so a test can
 * commit rows while no client is connected and then check that each client resubscribes and backfills them. Local
 * only: hosted Realtime restarts on its own schedule, and realtime-js reconnects the same way to both.
 */
function simulatedRestarts(sql: postgres.Sql, dropEverySocket: () => void) {
  let downUntil = 0;
  const listening = sql
    .listen(REALTIME_RESTART_CHANNEL, (payload) => {
      const outage = Number(payload);
      downUntil = Date.now() + (Number.isFinite(outage) ? Math.min(Math.max(outage, 0), LONGEST_OUTAGE_MS) : 0);
      dropEverySocket();
    })
    .catch((error: unknown) => {
      warn(`realtime: cannot listen for restarts (${error instanceof Error ? error.message : String(error)})`);
      return null;
    });
  return {
    isDown: () => Date.now() < downUntil,
    async stop() {
      await (await listening)?.unlisten();
    },
  };
}
