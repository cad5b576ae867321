// Preloaded (deno run --preload) before a function's own index.ts, as the edge runtime's
// main worker would: whatever port or host the function asks Deno.serve for, it is served
// on the port the functions host assigned, on loopback only.
const assignedPort = Number(Deno.env.get('SUPABASE_LOCAL_FUNCTION_PORT'));
const originalServe = Deno.serve.bind(Deno);

type ServeHandler = (request: Request, info: Deno.ServeHandlerInfo) => Response | Promise<Response>;

Object.defineProperty(Deno, 'serve', {
  configurable: true,
  value: (...args: unknown[]) => {
    const handler = args.find((arg): arg is ServeHandler => typeof arg === 'function') ??
      (args[0] as { handler?: ServeHandler } | undefined)?.handler;
    if (!handler) throw new TypeError('Deno.serve needs a handler');
    const options = typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : {};
    return originalServe(
      {
        ...options,
        port: assignedPort,
        hostname: '127.0.0.1',
        onListen: () => console.log(`ready on ${assignedPort}`),
      } as Deno.ServeTcpOptions,
      handler,
    );
  },
});
