/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module '@remix-run/server-runtime' {
  /** What the app's server (server.ts) hands every loader and action beside the request. */
  interface AppLoadContext {
    /** The peer address of the client's connection: the client itself when no proxy is in front (decision 0013). */
    clientAddress?: string;
  }
}

export {};
