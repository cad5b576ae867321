// Tests that ask the assistant wait until the seeded knowledge base is embedded (see local/test/knowledge-base.ts).
import { waitForEmbeddedKnowledgeBase as waitForEmbedWorker } from '../../local/test/knowledge-base.ts';
import { sql } from './db.ts';
import { testStack } from './stack.ts';

export async function waitForEmbeddedKnowledgeBase(): Promise<void> {
  const settled = await waitForEmbedWorker({ sql, apiUrl: testStack.SUPABASE_URL, serviceRoleKey: testStack.SUPABASE_SERVICE_ROLE_KEY });
  if (!settled) throw new Error('the seeded knowledge base was not embedded in time');
}
