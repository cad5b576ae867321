// Worker thread of local/services/auth/password-hashing.ts: bcrypt is CPU-bound for ~50-100 ms a
// call, so it runs here, off the event loop, one worker per core (plain JS so no loader is needed).
import { parentPort } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

parentPort.on('message', ({ id, operation, password, hash, cost }) => {
  try {
    const result = operation === 'hash' ? bcrypt.hashSync(password, cost) : bcrypt.compareSync(password, hash);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
