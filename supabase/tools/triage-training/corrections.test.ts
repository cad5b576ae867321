// The train command's reading of corrections, against the test database, inside a transaction that is rolled back.
// The real public.triage_corrections belongs to the desk's migrations; here it is set aside and replaced by a table
// of the documented shape, so the test holds whether or not that migration has landed.
import assert from 'node:assert/strict';
import type { Sql } from '../../functions/_shared/db/postgres.ts';
import { createCustomer, insertTicket, testDatabase } from '../../functions/triage/testing/pipeline-fixture.ts';
import { readCorrectedTickets } from './corrections.ts';
import { trainingTickets, trainModelFile, loadLabelledTickets } from './train.ts';

class RolledBack extends Error {}

async function inRolledBackTransaction(sql: Sql, work: (tx: Sql) => Promise<void>): Promise<void> {
  try {
    await sql.begin(async (tx) => {
      await work(tx as unknown as Sql);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
}

Deno.test('train reads corrected tickets (latest correction wins, absent table tolerated) and stamps a new version', async () => {
  const sql = testDatabase();
  try {
    await inRolledBackTransaction(sql, async (tx) => {
      await tx`do $$ begin
        if to_regclass('public.triage_corrections') is not null then
          alter table public.triage_corrections rename to triage_corrections_set_aside_by_test;
        end if; end $$`;
      assert.deepEqual(await readCorrectedTickets(tx), [], 'no table, no corrections, no error');

      await tx`create table public.triage_corrections (ticket_id uuid, field text, from_value text, to_value text, created_at timestamptz)`;
      const customer = await createCustomer(tx);
      const ticket = await insertTicket(tx, customer, 'Pedal drops', 'The brake pedal drops when the engine is warm.');
      await insertTicket(tx, customer, 'Not corrected', 'A ticket nobody corrected.');
      await tx`update public.tickets set category = 'technical', urgency = 'medium' where id = ${ticket}`;
      await tx`insert into public.triage_corrections values
        (${ticket}, 'urgency', 'medium', 'low', now() - interval '1 hour'),
        (${ticket}, 'urgency', 'low', 'high', now())`;
      const corrected = await readCorrectedTickets(tx);
      assert.deepEqual(corrected, [{ subject: 'Pedal drops', body: 'The brake pedal drops when the engine is warm.', category: 'technical', urgency: 'high' }]);

      const labelled = await loadLabelledTickets();
      const before = JSON.parse(trainModelFile(trainingTickets(labelled))).version;
      const after = JSON.parse(trainModelFile(trainingTickets(labelled, corrected)));
      assert.match(after.version, /^local-triage-v2-[0-9a-f]{8}$/);
      assert.notEqual(after.version, before, 'a retrain with corrections stamps a new version');
      assert.equal(after.urgency.trainedOn, trainingTickets(labelled).length + 1);
    });
  } finally {
    await sql.end();
  }
});
