// The API gateway on :54321, standing in for the one in front of a Supabase project:
// it routes /auth/v1, /realtime/v1, /storage/v1 and /functions/v1 to the local services and answers
// /rest/v1 with a clear 501, because Support Hub reads data through Postgres directly.
import { createServer, type Server } from 'node:http';
import { corsHeaders, sendJson, type MountedService } from './http.ts';

export interface Gateway {
  server: Server;
  close(): Promise<void>;
}

export function startGateway(port: number, services: MountedService[]): Promise<Gateway> {
  const restNotServed: MountedService = {
    prefix: '/rest/v1',
    handle: (_request, response) =>
      sendJson(
        response,
        501,
        {
          code: 'rest_not_served',
          message:
            'The local stack does not serve PostgREST: Support Hub reads and writes data through Postgres ' +
            '(an RLS-scoped transaction as role authenticated). Connect to the database URL from `npm run status`.',
        },
        corsHeaders,
      ),
  };
  const mounted = [...services, restNotServed].sort((a, b) => b.prefix.length - a.prefix.length);
  const find = (url: string) => mounted.find((service) => url === service.prefix || url.startsWith(`${service.prefix}/`) || url.startsWith(`${service.prefix}?`));

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (request.method === 'OPTIONS' && !url.startsWith('/functions/v1')) {
      response.writeHead(204, corsHeaders).end();
      return;
    }
    const service = find(url);
    if (!service) {
      sendJson(response, 404, { message: `no route matched ${url.split('?')[0]}` }, corsHeaders);
      return;
    }
    Promise.resolve(service.handle(request, response, url.slice(service.prefix.length) || '/')).catch((error: unknown) => {
      console.error(`[gateway] ${request.method} ${url}:`, error);
      sendJson(response, 500, { message: 'internal error in the local stack' }, corsHeaders);
    });
  });

  server.on('upgrade', (request, socket, head) => {
    const url = request.url ?? '/';
    const service = find(url);
    if (!service?.upgrade) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    service.upgrade(request, socket, head, url.slice(service.prefix.length) || '/');
  });
  // Keep-alive sockets from long benchmarks must not hold shutdown hostage.
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        server,
        close: async () => {
          await Promise.all(services.map((service) => service.close?.()));
          server.closeAllConnections();
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
