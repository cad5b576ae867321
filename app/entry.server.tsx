// Streams the HTML for bots and browsers alike (bots wait for all content), with the security headers every
// response carries (app/lib/server/security-headers.server.ts) and a fresh script nonce for each document.
import { PassThrough } from 'node:stream';
import type { EntryContext, HandleDataRequestFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { serverEnv } from '~/lib/server/env.server';
import { ScriptNonceContext } from '~/lib/shared/script-nonce';
import { applySecurityHeaders, contentSecurityPolicy, newScriptNonce } from '~/lib/server/security-headers.server';

const ABORT_DELAY_MS = 5_000;

// A form posted from another site never gets here: server.ts refuses it before Remix runs (decision 0031).
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');
  const nonce = newScriptNonce();
  applySecurityHeaders(responseHeaders, request);
  responseHeaders.set('Content-Security-Policy', contentSecurityPolicy({ nonce, supabaseUrl: serverEnv().SUPABASE_URL }));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const document = (
      <ScriptNonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
      </ScriptNonceContext.Provider>
    );
    const { pipe, abort } = renderToPipeableStream(document, {
      nonce,
      [waitForAll ? 'onAllReady' : 'onShellReady']() {
        shellRendered = true;
        const body = new PassThrough();
        responseHeaders.set('Content-Type', 'text/html');
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError: reject,
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors after the shell are logged; before it, the ErrorBoundary renders instead.
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY_MS);
  });
}

/** Loader and action data (single fetch) get the same headers as documents. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  applySecurityHeaders(response.headers, request);
  return response;
};
