// Delivers the HTTP requests queued by the pg_net stand-in. Placeholder until implemented.
export interface NetWorker {
  stop(): Promise<void>;
}
export async function startNetWorker(_options: { dbUrl: string }): Promise<NetWorker> {
  return { stop: async () => {} };
}
