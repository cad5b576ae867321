// Port checks, so a taken port is reported by name instead of as a crash later on.
import { createServer, connect } from 'node:net';
import { StackError } from './config.ts';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function requirePortFree(port: number, what: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new StackError(
      `Port ${port} (${what}) is already in use by another program.\n` +
        `  Find it with: ss -ltnp 'sport = :${port}'  — stop it, or run the other stack first with \`npm run status\`.`,
    );
  }
}

export function waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new StackError(`Nothing answered on port ${port} within ${timeoutMs} ms.`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}
