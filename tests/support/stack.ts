// What tests know about the stack `npm test` started for them (see local/test/runner.ts).
import { z } from 'zod';

const testEnvSchema = z.object({
  SUPABASE_URL: z.string().url(),
  SUPABASE_ANON_KEY: z.string().min(20),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(20),
  SUPABASE_SECRET_KEY: z.string().startsWith('sb_secret_'),
  SUPABASE_JWT_SECRET: z.string().min(32),
  SUPABASE_DB_URL: z.string().startsWith('postgresql://'),
  APP_URL: z.string().url(),
  MAILPIT_URL: z.string().url(),
  SMTP_PORT: z.coerce.number().int().positive(),
  OPENAI_STUB_URL: z.string().url(),
  SUPPORT_HUB_STATE_DIR: z.string(),
});

const parsed = testEnvSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error('These tests need the test stack: run them through `npm test` (e.g. `npm test -- vitest tests/local`).');
}
export const testStack = parsed.data;
