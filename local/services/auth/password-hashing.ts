// bcrypt for the local Auth, as GoTrue uses it (cost 10, `$2a$` hashes). @node-rs/bcrypt is native
// and runs on libuv's thread pool: the pure-JS bcryptjs took ~110 ms per check on the event loop,
// so 50 concurrent sign-ins queued behind each other and stalled every other request of the stack.
import { hash, verify } from '@node-rs/bcrypt';

export function bcryptHash(password: string, cost: number): Promise<string> {
  return hash(password, { cost, version: '2a' });
}

/** Accepts `$2a$`, `$2b$` and `$2y$` hashes (pgcrypto's crypt(…, gen_salt('bf')) makes `$2a$`). */
export function bcryptCompare(password: string, encodedHash: string): Promise<boolean> {
  return verify(password, encodedHash);
}
