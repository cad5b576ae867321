// Single Fetch (remix.config.js `v3_singleFetch`) changes what loaders serialise; this tells
// TypeScript so `useLoaderData<typeof loader>()` has the right types.
import '@remix-run/node';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}
