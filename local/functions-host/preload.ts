// Preloaded (deno run --preload) before a function's own index.ts, as the edge runtime's
// main worker would: whatever port or host the function asks Deno.serve for, it is served
// on loopback on a port the operating system picks, and the port is announced on stdout for
// the functions host. (A fixed port range collided with the ephemeral ports of outgoing
// connections on a busy machine: a function then failed to boot with "address in use".)
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
        port: 0,
        hostname: '127.0.0.1',
        onListen: ({ port }: { port: number }) => console.log(`SUPPORT_HUB_FUNCTION_LISTENING ${port}`),
      } as Deno.ServeTcpOptions,
      handler,
    );
  },
});
