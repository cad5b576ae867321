// postgres_changes, fed the way Supabase Realtime feeds it: bindings are rows of
// realtime.subscription (with the subscriber's claims); one loop polls a wal2json logical
// slot every 50 ms for the tables of the supabase_realtime publication; for each
// batch one SQL call (realtime.visible_changes) decides which subscription may see which
// row under its own role and claims. The slot is only advanced after the batch was handed
// to the sockets, so a Postgres restart or a failed poll loses nothing: the next poll reads
// the same changes again from the slot.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { z } from 'zod';
import type { Subscriber } from './auth.ts';
import { parseFilter, rowMatches, type RowFilter } from './filters.ts';

export const SLOT_NAME = 'support_hub_realtime';
// Supabase polls about every 100 ms; half that keeps p95 commit-to-client under 100 ms here.
const POLL_INTERVAL_MS = 50;
const MAX_CHANGES_PER_POLL = 20_000;
// Advancing the slot writes it to disk (an fsync, 100+ ms on a busy machine), so it is done
// at most this often; rows already delivered are skipped by LSN until then. Only if this
// service itself dies between two advances can a change arrive twice — never zero times.
const ADVANCE_EVERY_MS = 1_000;
const ADVANCE_AFTER_ROWS = 5_000;
const FLUSH_MESSAGE_PREFIX = 'support_hub_realtime_flush';

export const postgresBindingSchema = z.object({
  event: z.enum(['*', 'INSERT', 'UPDATE', 'DELETE']).catch('*'),
  schema: z.string().default('public'),
  table: z.string().optional(),
  filter: z.string().optional(),
});
export type PostgresBinding = z.infer<typeof postgresBindingSchema>;

export interface ChangePayload {
  ids: number[];
  data: {
    schema: string;
    table: string;
    commit_timestamp: string;
    type: 'INSERT' | 'UPDATE' | 'DELETE';
    columns: Array<{ name: string; type: string }>;
    record?: Record<string, unknown>;
    old_record?: Record<string, unknown>;
    errors: null | string[];
  };
}

interface Listener {
  subscriptionId: string;
  bindingId: number;
  event: PostgresBinding['event'];
  entity: string;
  filter: RowFilter | undefined;
  deliver(payload: ChangePayload): void;
}

interface Change {
  entity: string;
  schema: string;
  table: string;
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  commitTimestamp: string;
  columns: Array<{ name: string; type: string }>;
  record: Record<string, unknown>;
  oldRecord: Record<string, unknown>;
  primaryKey: Record<string, unknown>;
}

const walColumnSchema = z.object({ name: z.string(), type: z.string(), value: z.unknown() });
const walRowSchema = z.object({
  action: z.string(),
  schema: z.string().optional(),
  table: z.string().optional(),
  timestamp: z.string().optional(),
  columns: z.array(walColumnSchema).optional(),
  identity: z.array(walColumnSchema).optional(),
  pk: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
});

// wal2json names types as format_type does; realtime-js converts values by udt name.
const TYPE_NAMES: Record<string, string> = {
  integer: 'int4', bigint: 'int8', smallint: 'int2', boolean: 'bool', 'character varying': 'varchar',
  'timestamp with time zone': 'timestamptz', 'timestamp without time zone': 'timestamp', 'double precision': 'float8',
  real: 'float4', character: 'bpchar', 'time with time zone': 'timetz', 'time without time zone': 'time',
};
const udtName = (type: string) => TYPE_NAMES[type.replace(/\(.*\)$/, '')] ?? type.replace(/\(.*\)$/, '');

export class UnknownTableError extends Error {}

export class ChangeFeed {
  private readonly listeners = new Map<string, Listener>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastError: string | undefined;
  private deliveredUpTo: bigint = 0n;
  private advancedAt = 0;
  private asynchronousCommits = false;

  constructor(private readonly sql: postgres.Sql, private readonly log: (message: string) => void) {}

  /** Starts the poll loop; it prepares the slot itself and keeps retrying while Postgres is down. */
  async start(): Promise<void> {
    // Subscriptions of an earlier run of this service are gone with its sockets.
    await this.sql`delete from realtime.subscription`.catch((error: Error) => this.log(`Realtime: could not clear old subscriptions (${error.message})`));
    this.schedule(0);
  }

  private slotReady = false;

  private async prepareSlot(): Promise<void> {
    // Throw-away clusters run with synchronous_commit = off: their commits reach disk only when
    // the WAL writer wakes (200 ms), and logical decoding reads flushed WAL only. A tiny commit
    // of our own with synchronous_commit = on (set for this connection pool) flushes theirs too.
    const [setting] = await this.sql<{ value: string }[]>`
      select setting as value from pg_catalog.pg_file_settings where name = 'synchronous_commit' and applied order by seqno desc limit 1`;
    this.asynchronousCommits = setting?.value === 'off';
    await this.sql`select pg_create_logical_replication_slot(${SLOT_NAME}, 'wal2json')
                   where not exists (select 1 from pg_replication_slots where slot_name = ${SLOT_NAME})`;
    this.slotReady = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Registers a channel's bindings; resolves to their ids in the client's order. */
  async subscribe(subscriber: Subscriber, bindings: PostgresBinding[], deliver: (payload: ChangePayload) => void, firstBindingId: number): Promise<{ ids: number[]; subscriptionIds: string[] }> {
    const ids: number[] = [];
    const created: Listener[] = [];
    for (const [index, binding] of bindings.entries()) {
      const filter = parseFilter(binding.filter);
      const entities = await this.resolveEntities(binding);
      const bindingId = firstBindingId + index;
      ids.push(bindingId);
      for (const entity of entities) {
        created.push({ subscriptionId: randomUUID(), bindingId, event: binding.event, entity, filter, deliver });
      }
    }
    if (created.length > 0) {
      const rows = created.map((listener) => ({
        subscription_id: listener.subscriptionId,
        entity: listener.entity,
        filters: this.sql.json((listener.filter ? [listener.filter] : []) as unknown as postgres.JSONValue),
        claims: this.sql.json(subscriber.claims as postgres.JSONValue),
        claims_role: subscriber.claims.role,
      }));
      await this.sql`insert into realtime.subscription ${this.sql(rows)}`;
    }
    for (const listener of created) this.listeners.set(listener.subscriptionId, listener);
    return { ids, subscriptionIds: created.map((listener) => listener.subscriptionId) };
  }

  async updateClaims(subscriptionIds: string[], subscriber: Subscriber): Promise<void> {
    if (subscriptionIds.length === 0) return;
    await this.sql`update realtime.subscription set claims = ${this.sql.json(subscriber.claims as postgres.JSONValue)}, claims_role = ${subscriber.claims.role}
                   where subscription_id = any(${subscriptionIds}::uuid[])`;
  }

  async unsubscribe(subscriptionIds: string[]): Promise<void> {
    if (subscriptionIds.length === 0) return;
    for (const id of subscriptionIds) this.listeners.delete(id);
    await this.sql`delete from realtime.subscription where subscription_id = any(${subscriptionIds}::uuid[])`.catch(() => {});
  }

  private async resolveEntities(binding: PostgresBinding): Promise<string[]> {
    if (binding.table && binding.table !== '*' && binding.schema !== '*') {
      const [row] = await this.sql<{ entity: string | null }[]>`select to_regclass(format('%I.%I', ${binding.schema}::text, ${binding.table}::text))::text as entity`;
      if (!row?.entity) {
        throw new UnknownTableError(
          `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: [schema: ${binding.schema}, table: ${binding.table}, filters: [${binding.filter ?? ''}]]`,
        );
      }
      return [qualified(binding.schema, binding.table)];
    }
    const rows = await this.sql<{ schemaname: string; tablename: string }[]>`
      select schemaname, tablename from pg_publication_tables
      where pubname = 'supabase_realtime' and (${binding.schema} = '*' or schemaname = ${binding.schema})`;
    return rows.map((row) => qualified(row.schemaname, row.tablename));
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.pollOnce(), delay);
  }

  private async pollOnce(): Promise<void> {
    let delay = POLL_INTERVAL_MS;
    try {
      const drained = await this.poll();
      if (this.lastError) this.log('Realtime: reading changes again');
      this.lastError = undefined;
      // A full batch means more is waiting: read on at once.
      if (!drained) delay = 0;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastError) this.log(`Realtime: cannot read changes yet (${message}); retrying`);
      this.lastError = message;
      delay = 500;
    }
    this.schedule(delay);
  }

  /** One poll; true when the slot had nothing more to give. */
  private async poll(): Promise<boolean> {
    if (!this.slotReady) await this.prepareSlot();
    if (this.listeners.size === 0) {
      // Nobody subscribed: nothing to decode (Supabase Realtime polls only for tenants with subscribers). Decoding
      // re-reads the WAL from the slot's restart point on every poll, which under a write burst costs the database
      // more CPU than the writes themselves; the slot is just moved to the present now and then so WAL is not kept.
      if (Date.now() - this.advancedAt >= ADVANCE_EVERY_MS) {
        const [moved] = await this.sql<{ lsn: string | null }[]>`
          select end_lsn::text as lsn from pg_replication_slot_advance(${SLOT_NAME}, pg_current_wal_flush_lsn())`;
        if (moved?.lsn) this.deliveredUpTo = lsnToBigInt(moved.lsn);
        this.advancedAt = Date.now();
      }
      return true;
    }
    // A transactional message is the smallest commit that writes WAL, so it is flushed.
    if (this.asynchronousCommits) await this.sql`select pg_catalog.pg_logical_emit_message(true, ${FLUSH_MESSAGE_PREFIX}, '')`;
    const rows = await this.sql<{ lsn: string; data: string }[]>`
      select lsn::text, data from pg_logical_slot_peek_changes(${SLOT_NAME}, null, ${MAX_CHANGES_PER_POLL},
        'format-version', '2', 'include-timestamp', '1', 'include-pk', '1', 'include-type-oids', '0',
        -- Read in the same statement as the changes, so a table just added is never missed.
        -- An empty list would mean "every table" to wal2json; a name matching nothing keeps it closed.
        'add-tables', (select coalesce(string_agg(format('%s.%s', replace(quote_ident(schemaname), ',', '\\,'), replace(quote_ident(tablename), ',', '\\,')), ','), 'realtime.no_published_tables')
                       from pg_catalog.pg_publication_tables where pubname = 'supabase_realtime'),
        'filter-msg-prefixes', ${FLUSH_MESSAGE_PREFIX})`;
    if (rows.length === 0) return true;
    const fresh = undeliveredTransactions(rows, this.deliveredUpTo);
    const changes = parseChanges(fresh.map((row) => row.data));
    if (changes.length > 0 && this.listeners.size > 0) await this.dispatch(changes);
    const lastLsn = rows[rows.length - 1]!.lsn;
    this.deliveredUpTo = lsnToBigInt(lastLsn);
    if (Date.now() - this.advancedAt >= ADVANCE_EVERY_MS || rows.length >= ADVANCE_AFTER_ROWS) {
      await this.sql`select pg_replication_slot_advance(${SLOT_NAME}, ${lastLsn}::pg_lsn)`;
      this.advancedAt = Date.now();
    }
    return rows.length < MAX_CHANGES_PER_POLL;
  }

  private async dispatch(changes: Change[]): Promise<void> {
    const listenersByEntity = new Map<string, Listener[]>();
    for (const listener of this.listeners.values()) {
      const list = listenersByEntity.get(listener.entity) ?? [];
      list.push(listener);
      listenersByEntity.set(listener.entity, list);
    }
    // Deletes cannot be checked against RLS (the row is gone); as on Supabase they reach
    // every subscriber of the table, carrying only the primary key.
    const toCheck = changes
      .map((change, index) => ({ change, index }))
      .filter(({ change }) => change.type !== 'DELETE' && listenersByEntity.has(change.entity));
    const visible = new Set<string>();
    if (toCheck.length > 0) {
      const input = toCheck.map(({ change, index }) => ({ i: index, entity: change.entity, pk: change.primaryKey }));
      const rows = await this.sql<{ change_index: number; subscription_id: string }[]>`
        select change_index, subscription_id::text from realtime.visible_changes(${this.sql.json(input as unknown as postgres.JSONValue)})`;
      for (const row of rows) visible.add(`${row.change_index}:${row.subscription_id}`);
    }
    for (const [index, change] of changes.entries()) {
      const listeners = listenersByEntity.get(change.entity);
      if (!listeners) continue;
      // One message per socket channel, listing every binding id that matched (Supabase's `ids`).
      const perChannel = new Map<Listener['deliver'], number[]>();
      for (const listener of listeners) {
        if (listener.event !== '*' && listener.event !== change.type) continue;
        if (change.type !== 'DELETE' && !visible.has(`${index}:${listener.subscriptionId}`)) continue;
        const filterRecord = change.type === 'DELETE' ? change.oldRecord : change.record;
        if (!rowMatches(listener.filter, filterRecord)) continue;
        const ids = perChannel.get(listener.deliver) ?? [];
        if (!ids.includes(listener.bindingId)) ids.push(listener.bindingId);
        perChannel.set(listener.deliver, ids);
      }
      for (const [deliver, ids] of perChannel) deliver(toPayload(change, ids));
    }
  }
}

/**
 * Rows of the transactions committed after `deliveredUpTo`. Decided per transaction by its
 * commit row's LSN: a long transaction's first rows can sit before an LSN already delivered.
 */
function undeliveredTransactions(rows: Array<{ lsn: string; data: string }>, deliveredUpTo: bigint): Array<{ lsn: string; data: string }> {
  const result: Array<{ lsn: string; data: string }> = [];
  let transaction: Array<{ lsn: string; data: string }> = [];
  for (const row of rows) {
    transaction.push(row);
    if (/^\{\s*"action"\s*:\s*"C"/.test(row.data)) {
      if (lsnToBigInt(row.lsn) > deliveredUpTo) result.push(...transaction);
      transaction = [];
    }
  }
  return result;
}

function lsnToBigInt(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

function qualified(schema: string, table: string): string {
  const ident = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
  return `${ident(schema)}.${ident(table)}`;
}

function toPayload(change: Change, ids: number[]): ChangePayload {
  const data: ChangePayload['data'] = {
    schema: change.schema,
    table: change.table,
    commit_timestamp: change.commitTimestamp,
    type: change.type,
    columns: change.columns,
    errors: null,
  };
  if (change.type !== 'DELETE') data.record = change.record;
  if (change.type !== 'INSERT') data.old_record = change.oldRecord;
  return { ids, data };
}

function toIsoTimestamp(walTimestamp: string | undefined): string {
  const parsed = walTimestamp ? new Date(walTimestamp.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : new Date();
  return Number.isNaN(parsed.getTime()) ? new Date().toISOString() : parsed.toISOString();
}

export function parseChanges(lines: string[]): Change[] {
  const changes: Change[] = [];
  let pendingInTransaction: Change[] = [];
  for (const line of lines) {
    const row = walRowSchema.parse(JSON.parse(line));
    if (row.action === 'B') {
      pendingInTransaction = [];
    } else if (row.action === 'C') {
      const commitTimestamp = toIsoTimestamp(row.timestamp);
      for (const change of pendingInTransaction) change.commitTimestamp = commitTimestamp;
      changes.push(...pendingInTransaction);
      pendingInTransaction = [];
    } else if (row.action === 'I' || row.action === 'U' || row.action === 'D') {
      const toRecord = (columns: z.infer<typeof walColumnSchema>[] | undefined) =>
        Object.fromEntries((columns ?? []).map((column) => [column.name, column.value]));
      const record = toRecord(row.columns);
      const oldRecord = toRecord(row.identity);
      const source = row.action === 'D' ? oldRecord : record;
      const pkNames = (row.pk ?? []).map((column) => column.name);
      const columnTypes = (row.columns ?? row.identity ?? []).map((column) => ({ name: column.name, type: udtName(column.type) }));
      pendingInTransaction.push({
        entity: qualified(row.schema!, row.table!),
        schema: row.schema!,
        table: row.table!,
        type: row.action === 'I' ? 'INSERT' : row.action === 'U' ? 'UPDATE' : 'DELETE',
        commitTimestamp: '',
        columns: columnTypes,
        record,
        oldRecord,
        primaryKey: Object.fromEntries(pkNames.map((name) => [name, source[name]])),
      });
    }
  }
  return changes;
}
