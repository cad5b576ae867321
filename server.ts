// The app's HTTP server: what remix-serve did (static files, compression, a request log, Remix), plus the refusals
// that must happen before Remix runs (decision 0031). Remix compiles this file with the app into build/index.js
// (remix.config.js `server`), so `node build/index.js` serves Support Hub, here and on any Node host.
//
// Why our own server: Remix's own CSRF check throws on a document POST from another site, and remix-serve turns
// that into a bare 500 with a stack trace in the log; and Express's `app.all('*')` route decoded the path itself,
// answering a bad % escape with Express's unbranded "Bad Request". Both now answer as the app does, in words.
import * as build from '@remix-run/dev/server-build';
import { createRequestHandler } from '@remix-run/express';
import { installGlobals } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express';
import morgan from 'morgan';
import { crossOriginRefusal, isCrossOriginAction } from '~/lib/server/security-headers.server';

installGlobals({ nativeFetch: build.future.v3_singleFetch });

// Remix hands actions a web Request, which has no socket: the peer address rides in the load context instead, for
// the sign-in limits when no proxy is in front (decision 0013).
const handleRemixRequest = createRequestHandler({
  build,
  mode: process.env.NODE_ENV,
  getLoadContext: (req) => ({ clientAddress: req.socket.remoteAddress }),
});

/** The request's whole head as a web Request (no body): built only to answer a refusal with the app's headers. */
function requestHead(req: ExpressRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  // The URL carries only the protocol (for the refusal's HSTS header), so a client's odd Host or path cannot make
  // building it fail.
  return new Request(`${req.protocol}://localhost/`, { method: req.method, headers });
}

/**
 * A form posted from another site is refused here, before Remix's own check would throw (a 500). The rule reads the
 * method and two headers straight from Node's request: nothing is copied for the requests it lets through.
 */
async function refuseCrossOriginActions(req: ExpressRequest, res: ExpressResponse, next: NextFunction): Promise<void> {
  if (!isCrossOriginAction({ method: req.method, headers: { get: (name) => req.get(name) ?? null } })) return next();
  const refusal = crossOriginRefusal(requestHead(req));
  res.status(refusal.status);
  refusal.headers.forEach((value, name) => res.setHeader(name, value));
  res.send(await refusal.text());
}

const app = express();
app.disable('x-powered-by');
app.use(compression());
// Fingerprinted build output never changes under one name; everything else in public/ may.
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: '1y' }));
app.use(express.static('public', { maxAge: '1h' }));
app.use(morgan('tiny'));
app.use((req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
  refuseCrossOriginActions(req, res, next).catch(next);
});
// `use`, not `all('*')`: a route pattern makes Express decode the path first and answer a bad escape itself.
app.use(handleRemixRequest);
// The last resort, for a failure outside any route (the ErrorBoundary answers those inside one): no stack trace
// leaves the server, and the person reads what happened.
app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
  console.error(error);
  if (res.headersSent) return res.end();
  res.status(500).type('text/plain; charset=utf-8').set('X-Content-Type-Options', 'nosniff').send('Something went wrong on our side. Try again in a moment.');
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const server = app.listen(port, host, () => console.log(`[support-hub] http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`));

// A host stopping the app (SIGTERM) or a person pressing Ctrl-C: stop taking connections, give the requests in
// flight a few seconds to finish, and exit 0. Idle keep-alive connections close at once; a stream that never ends
// (a chat answer held open by a client) cannot hold the exit back past the grace period.
const shutdownGraceMs = 5_000;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), shutdownGraceMs).unref();
  });
}
