// Load through the app's real routes (issue 20): simulated customers and technicians, each signed in through the
// app's own /login action with the cookies it set, act every few seconds for a bounded time against the built app
// in production mode and the bench stack, loopback only.
//   Customers (every 5 s each, with jitter): their pages as documents and as single-fetch data requests
//     (`/app`, `/help?q=…`, their conversation, one of their tickets), and questions: a new conversation is started
//     the way the page's script does it (POST /app with `sentBy=browser` and client ids, then the conversation page),
//     and every question, the first included, goes to the `chat` edge function with the customer's access token,
//     the SSE stream read until `done` (time to the first delta and to `done` are measured).
//   Technicians (every 5 s each, with jitter): /desk and its data, a ticket's page, claiming a ticket from the
//     board (colleagues race for the same cards: a lost race is a 409, not an error), replying on a ticket they hold.
// At the end the database is asked whether every message a `done` event acknowledged is stored exactly once with
// exactly one assistant answer after it. Flags: --customers N (200), --technicians N (20), --seconds N (120),
// --pause-ms N (5000; 0 = act again at once, a stress test),
// --cpu-prof (write a V8 CPU profile of the app process into the bench stack's folder),
// --db-stats (the statements that took the database's time, from pg_stat_statements).
// Where the time goes is also printed as CPU per part (app, database, functions host, this process) over the window.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import postgres from 'postgres';
import { z } from 'zod';
import { startApp } from '../app.ts';
import { startStack } from '../stack.ts';
import { median, percentile, reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

const PASSWORD = 'bench-load-password';
const EMAIL_PREFIX = 'bench-load-';
const REQUEST_TIMEOUT_MS = 15_000;
const CHAT_TIMEOUT_MS = 30_000;
const TICKETS_PER_CUSTOMER = 3;
const SIGN_IN_CONCURRENCY = 8;

const flagsSchema = z.object({
  customers: z.coerce.number().int().min(1).max(1_000).default(200),
  technicians: z.coerce.number().int().min(1).max(200).default(20),
  seconds: z.coerce.number().int().min(5).max(600).default(120),
  /** Think time between one person's actions; 0 makes every person act again at once (a stress test, as issue 20's first figures). */
  pauseMs: z.coerce.number().int().min(0).max(60_000).default(5_000),
  cpuProf: z.boolean().default(false),
  dbStats: z.boolean().default(false),
});
type Flags = z.infer<typeof flagsSchema>;

function parseFlags(argv: string[]): Flags {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return flagsSchema.parse({ customers: value('customers'), technicians: value('technicians'), seconds: value('seconds'), pauseMs: value('pause-ms'), cpuProf: argv.includes('--cpu-prof'), dbStats: argv.includes('--db-stats') });
}

/** Plain customer words on the knowledge base's topics, per solution area. */
const questions: Record<string, string[]> = {
  maintenance: [
    'My car clicks but will not start in the morning',
    'The battery keeps going flat overnight, what drains it?',
    'Check engine light came on after I filled up',
    'Brakes squeal when I stop at low speed',
    'Engine temperature gauge goes into the red in traffic',
    'The air conditioning blows warm air',
    'Tyre pressure warning light stays on after pumping the tyres',
    'Key fob does not unlock the doors any more',
    'When is the next oil change due on a Honda CR-V 1.5 turbo?',
    'Car hums louder when I go faster on the motorway',
  ],
  manufacturing: [
    'Is my truck part of a recall? How do I check with the VIN?',
    'Are your spare parts original OEM parts?',
    'Will these wheels fit my car, how do I check fitment?',
    'The automatic gearbox shifts hard between second and third',
    'The engine misfires and shakes at idle',
  ],
  support: [
    'I cannot log in to the app, it says my password is wrong',
    'My card was declined when I paid for the service',
    'How long does a refund take to reach my account?',
    'Where can I download the receipt for my last repair as a PDF?',
    'What does the Plus plan cost per month?',
    'How do I turn off SMS reminders?',
    'Can I delete my data under GDPR?',
  ],
};
const searchTerms = ['battery', 'brakes squeal', 'check engine light', 'recall', 'refund', 'overheating', 'tyre pressure', 'key fob', 'receipt', 'log in'];

// ---------------------------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------------------------
interface RouteFigures {
  kind: 'page' | 'action' | 'chat';
  latenciesMs: number[];
  serverErrors: number;
  clientErrors: number;
  /** Timeouts and refused connections: no status at all. */
  failures: number;
}

class Recorder {
  readonly routes = new Map<string, RouteFigures>();
  /** When set, nothing more is recorded: the window is over, stragglers are not counted. */
  closed = false;

  route(name: string, kind: RouteFigures['kind']): RouteFigures {
    let figures = this.routes.get(name);
    if (!figures) {
      figures = { kind, latenciesMs: [], serverErrors: 0, clientErrors: 0, failures: 0 };
      this.routes.set(name, figures);
    }
    return figures;
  }

  record(name: string, kind: RouteFigures['kind'], outcome: { ms: number; status: number | null; expected?: number[] }): void {
    if (this.closed) return;
    const figures = this.route(name, kind);
    figures.latenciesMs.push(outcome.ms);
    if (outcome.status === null) figures.failures++;
    else if (outcome.status >= 500) figures.serverErrors++;
    else if (outcome.status >= 400 && !(outcome.expected ?? []).includes(outcome.status)) figures.clientErrors++;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A browser's cookies and requests
// ---------------------------------------------------------------------------------------------------------------
class CookieJar {
  private readonly cookies = new Map<string, string>();

  absorb(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** The access token in @supabase/ssr's session cookie (`sb-…-auth-token`, maybe chunked `.0`, `.1`, base64url). */
  accessToken(): string {
    const chunks = [...this.cookies]
      .filter(([name]) => /^sb-.+-auth-token(\.\d+)?$/.test(name))
      .sort(([a], [b]) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
    const raw = decodeURIComponent(chunks.map(([, value]) => value).join(''));
    const json = raw.startsWith('base64-') ? Buffer.from(raw.slice('base64-'.length), 'base64url').toString('utf8') : raw;
    return z.object({ access_token: z.string().min(1) }).loose().parse(JSON.parse(json)).access_token;
  }
}

interface Visitor {
  email: string;
  jar: CookieJar;
}

interface Endpoints {
  appUrl: string;
  apiUrl: string;
  anonKey: string;
}

/** One request as a browser with this visitor's cookies; the body is read to the end, so the time is the whole answer. */
async function visit(
  endpoints: Endpoints,
  visitor: Visitor,
  path: string,
  init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {},
): Promise<{ status: number | null; ms: number; location: string | null; body: string }> {
  const started = performance.now();
  try {
    const response = await fetch(`${endpoints.appUrl}${path}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        Cookie: visitor.jar.header(),
        // Remix refuses cross-origin form posts; a browser on the app's page sends its own origin.
        Origin: endpoints.appUrl,
        ...(init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.text();
    visitor.jar.absorb(response);
    return { status: response.status, ms: performance.now() - started, location: response.headers.get('Location'), body };
  } catch {
    return { status: null, ms: performance.now() - started, location: null, body: '' };
  }
}

async function signIn(endpoints: Endpoints, visitor: Visitor): Promise<void> {
  const result = await visit(endpoints, visitor, '/login', { method: 'POST', form: { email: visitor.email, password: PASSWORD, redirectTo: '' } });
  if (result.status !== 302 && result.status !== 303) throw new Error(`signing in ${visitor.email} through /login answered ${result.status}`);
  visitor.jar.accessToken();
}

// ---------------------------------------------------------------------------------------------------------------
// The chat function, as the conversation page calls it
// ---------------------------------------------------------------------------------------------------------------
const doneEventSchema = z
  .object({
    message: z.object({ id: z.string().uuid(), role: z.string() }).loose().nullable(),
    customer_message: z.object({ id: z.string().uuid() }).loose().nullable(),
  })
  .loose();

interface Acknowledged {
  conversationId: string;
  messageId: string;
  /** The assistant's answer the done event carried (null when a technician answers instead). */
  answerId: string | null;
}

async function askChat(
  endpoints: Endpoints,
  customer: Visitor,
  recorder: Recorder,
  input: { conversationId: string; messageId: string; question: string },
): Promise<Acknowledged | null> {
  const started = performance.now();
  let firstDeltaMs: number | null = null;
  let done: z.infer<typeof doneEventSchema> | null = null;
  let status: number | null = null;
  try {
    const response = await fetch(`${endpoints.apiUrl}/functions/v1/chat`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${customer.jar.accessToken()}`,
        apikey: endpoints.anonKey,
        'Content-Type': 'application/json',
        Accept: 'text/event-stream',
      },
      body: JSON.stringify({ conversation_id: input.conversationId, message: input.question, message_id: input.messageId }),
      signal: AbortSignal.timeout(CHAT_TIMEOUT_MS),
    });
    status = response.status;
    if (response.ok && response.body) {
      const parser = createParser({
        onEvent(event) {
          if (event.event === 'delta' && firstDeltaMs === null) firstDeltaMs = performance.now() - started;
          if (event.event === 'error') status = 599;
          if (event.event === 'done') done = doneEventSchema.parse(JSON.parse(event.data));
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        parser.feed(chunk.value);
      }
    } else {
      await response.body?.cancel();
    }
  } catch {
    status = null;
  }
  const finished = done as z.infer<typeof doneEventSchema> | null;
  // A stream that ended without `done` is a failure the customer sees, whatever the HTTP status said.
  const outcome = finished ? status : status === null || status >= 400 ? status : 599;
  recorder.record('chat: first delta', 'chat', { ms: firstDeltaMs ?? performance.now() - started, status: outcome });
  recorder.record('chat: answer (done)', 'chat', { ms: performance.now() - started, status: outcome });
  if (!finished?.customer_message) return null;
  return { conversationId: input.conversationId, messageId: finished.customer_message.id, answerId: finished.message?.id ?? null };
}

// ---------------------------------------------------------------------------------------------------------------
// Simulated people
// ---------------------------------------------------------------------------------------------------------------
interface Customer extends Visitor {
  ticketIds: string[];
  conversationIds: string[];
}

interface Technician extends Visitor {
  heldTicketIds: string[];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The pause ± 40 %, so the simulated people do not act in lock step. */
const nextPause = (pauseMs: number) => pauseMs * (0.6 + Math.random() * 0.8);

interface World {
  endpoints: Endpoints;
  recorder: Recorder;
  acknowledged: Acknowledged[];
  areas: string[];
  /** Tickets still on the queue, as the board would show them (shared: colleagues race for the same cards). */
  queue: string[];
  allTicketIds: string[];
  deadline: number;
  pauseMs: number;
}

/** A GET as a document or as the single-fetch data request the client router makes for the same page. */
async function page(world: World, visitor: Visitor, route: string, path: string, search = ''): Promise<void> {
  const asData = Math.random() < 0.5;
  const target = asData ? `${path === '/' ? '/_root' : path}.data${search}` : `${path}${search}`;
  const result = await visit(world.endpoints, visitor, target);
  world.recorder.record(asData ? `GET ${route}.data` : `GET ${route}`, 'page', result);
}

async function askQuestion(world: World, customer: Customer): Promise<void> {
  const area = pick(world.areas);
  const question = pick(questions[area] ?? questions['maintenance']!);
  let conversationId = customer.conversationIds.length > 0 && Math.random() < 0.7 ? pick(customer.conversationIds) : null;
  if (!conversationId) {
    // As the page's script does: choose the ids, post the form with sentBy=browser, follow to the conversation page,
    // which sends the question to the chat function.
    conversationId = randomUUID();
    const started = await visit(world.endpoints, customer, '/app?index', {
      method: 'POST',
      form: { solutionArea: area, question, conversationId, messageId: randomUUID(), sentBy: 'browser' },
    });
    world.recorder.record('POST /app (start conversation)', 'action', started);
    if (started.status !== 302 || !started.location?.endsWith(conversationId)) return;
    customer.conversationIds.push(conversationId);
    const opened = await visit(world.endpoints, customer, `/app/conversations/${conversationId}`);
    world.recorder.record('GET /app/conversations/:id', 'page', opened);
  }
  const acknowledged = await askChat(world.endpoints, customer, world.recorder, { conversationId, messageId: randomUUID(), question });
  if (acknowledged) world.acknowledged.push(acknowledged);
}

async function customerActs(world: World, customer: Customer): Promise<void> {
  const roll = Math.random();
  if (roll < 0.3) return askQuestion(world, customer);
  if (roll < 0.5) return page(world, customer, '/app', '/app');
  if (roll < 0.65) return page(world, customer, '/help?q', '/help', `?q=${encodeURIComponent(pick(searchTerms))}`);
  if (roll < 0.85 && customer.conversationIds.length > 0) return page(world, customer, '/app/conversations/:id', `/app/conversations/${pick(customer.conversationIds)}`);
  return page(world, customer, '/app/tickets/:id', `/app/tickets/${pick(customer.ticketIds)}`);
}

async function technicianActs(world: World, technician: Technician): Promise<void> {
  const roll = Math.random();
  if (roll < 0.4) return page(world, technician, '/desk', '/desk');
  if (roll < 0.6) return page(world, technician, '/desk/tickets/:id', `/desk/tickets/${pick(world.allTicketIds)}`);
  if (roll < 0.8 || technician.heldTicketIds.length === 0) {
    const ticketId = world.queue.length > 0 ? pick(world.queue) : null;
    if (!ticketId) return page(world, technician, '/desk', '/desk');
    const result = await visit(world.endpoints, technician, '/desk?index', { method: 'POST', form: { intent: 'claim', ticketId } });
    world.recorder.record('POST /desk (claim)', 'action', { ...result, expected: [409] });
    if (result.status === 200) {
      technician.heldTicketIds.push(ticketId);
      world.queue.splice(world.queue.indexOf(ticketId), 1);
    }
    return;
  }
  const ticketId = pick(technician.heldTicketIds);
  const result = await visit(world.endpoints, technician, `/desk/tickets/${ticketId}`, {
    method: 'POST',
    form: { intent: 'reply', content: 'Thanks for the details. I have looked at this and will call you shortly with the next step.' },
  });
  world.recorder.record('POST /desk/tickets/:id (reply)', 'action', result);
}

async function actUntilDeadline(world: World, act: () => Promise<void>): Promise<void> {
  // Spread the first actions over one period, as people arriving do.
  await sleep(Math.random() * Math.max(world.pauseMs, 1_000));
  while (performance.now() < world.deadline) {
    const started = performance.now();
    await act();
    const pause = nextPause(world.pauseMs) - (performance.now() - started);
    if (pause > 0) await sleep(Math.min(pause, Math.max(0, world.deadline - performance.now())));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------------------------
type Sql = postgres.Sql;

async function createPeople(sql: Sql, flags: Flags): Promise<{ customers: Array<{ id: string; email: string }>; technicians: Array<{ id: string; email: string }> }> {
  await sql.begin(async (tx) => {
    // As supabase/seed.sql creates its demo accounts (auth.users + identities; the profile comes from the trigger).
    await tx`
      insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
        created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change)
      select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
        ${EMAIL_PREFIX} || kind || '-' || i || '@example.com', extensions.crypt(${PASSWORD}, extensions.gen_salt('bf')), now(),
        '{"provider":"email","providers":["email"]}'::jsonb, jsonb_build_object('full_name', initcap(kind) || ' ' || i), now(), now(), '', '', '', ''
      from (select 'customer' as kind, i from generate_series(1, ${flags.customers}) i
            union all select 'technician', i from generate_series(1, ${flags.technicians}) i) people`;
    await tx`
      insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      select id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', true, 'phone_verified', false), 'email', now(), now(), now()
      from auth.users where email like ${`${EMAIL_PREFIX}%`}`;
    await tx`update public.profiles set role = 'technician' where email like ${`${EMAIL_PREFIX}technician-%`}`;
  });
  const rows = await sql<{ id: string; email: string; role: string }[]>`select id, email, role::text from public.profiles where email like ${`${EMAIL_PREFIX}%`} order by email`;
  return { customers: rows.filter((row) => row.role === 'customer'), technicians: rows.filter((row) => row.role === 'technician') };
}

async function createTickets(sql: Sql, customerIds: string[]): Promise<Map<string, string[]>> {
  // Already triaged and on the queue, as the desk sees a busy morning; triage jobs for them are not what this measures.
  const rows = await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    return tx<{ id: string; customer_id: string }[]>`
      insert into public.tickets (customer_id, contact_email, subject, content, triage_status, category, urgency, created_at)
      select customer.id, customer.email, 'Load ticket ' || n, 'My car makes a noise when braking (load benchmark ticket ' || n || ').', 'processed',
        (array['billing', 'technical', 'feature_request'])[1 + n % 3]::public.ticket_category,
        (array['high', 'medium', 'low'])[1 + (n * 7) % 3]::public.ticket_urgency, now() - make_interval(secs => n)
      from public.profiles customer, generate_series(1, ${TICKETS_PER_CUSTOMER}) n
      where customer.id = any(${customerIds}::uuid[])
      returning id, customer_id`;
  });
  await sql`analyze public.tickets`;
  const byCustomer = new Map<string, string[]>();
  for (const row of rows) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row.id]);
  return byCustomer;
}

/** Acknowledged messages missing from public.messages or without their answer (lost), stored twice or answered twice (duplicated). */
async function checkMessages(sql: Sql, acknowledged: Acknowledged[]): Promise<{ lost: number; duplicated: number }> {
  if (acknowledged.length === 0) return { lost: 0, duplicated: 0 };
  const [check] = await sql<{ lost: number; duplicated: number }[]>`
    with acked as (
      select (item ->> 'messageId')::uuid as message_id, (item ->> 'conversationId')::uuid as conversation_id, (item ->> 'answerId')::uuid as answer_id
      from jsonb_array_elements(${sql.json(acknowledged as unknown as postgres.JSONValue)}) item
    ), counted as (
      select acked.*,
        (select count(*) from public.messages m where m.id = acked.message_id and m.conversation_id = acked.conversation_id and m.role = 'user') as stored,
        (select count(*) from public.messages m where m.id = acked.answer_id and m.role = 'assistant') as answer_stored,
        (select count(*) from public.messages answer
          join public.messages asked on asked.id = acked.message_id
          where answer.conversation_id = acked.conversation_id and answer.role = 'assistant' and answer.created_at >= asked.created_at
            and answer.created_at < coalesce((select min(later.created_at) from public.messages later
              where later.conversation_id = acked.conversation_id and later.role = 'user' and later.created_at > asked.created_at), 'infinity')) as answers
      from acked
    )
    select
      count(*) filter (where stored = 0 or (answer_id is not null and (answer_stored = 0 or answers = 0)))::int as lost,
      count(*) filter (where stored > 1 or answers > 1)::int as duplicated
    from counted`;
  return check!;
}

// ---------------------------------------------------------------------------------------------------------------
// Where the time goes: CPU per part of the system, and the database's statements
// ---------------------------------------------------------------------------------------------------------------
type Part = 'app (node build/index.js)' | 'database (postgres)' | 'functions host (deno)' | 'stack + load generator (this process)';

interface ProcessTicks {
  pid: number;
  parentPid: number;
  /** User + system clock ticks of the process itself and of its children it has reaped (exited backends). */
  ticks: number;
  command: string;
}

/** Every process on the machine with its CPU ticks (Linux /proc; elsewhere an empty list and no breakdown). */
function processTicks(): ProcessTicks[] {
  const rows: ProcessTicks[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return rows;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: the fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = [fields[11], fields[12], fields[13], fields[14]].map(Number);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      rows.push({ pid: Number(entry), parentPid: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime!, command });
    } catch {
      // The process ended while we read it.
    }
  }
  return rows;
}

/** CPU ticks per part: this process's descendants by what they run, and the database server's tree. */
function ticksByPart(postmasterPid: number | null): Map<Part, number> {
  const rows = processTicks();
  const children = new Map<number, ProcessTicks[]>();
  for (const row of rows) children.set(row.parentPid, [...(children.get(row.parentPid) ?? []), row]);
  const tree = (pid: number): ProcessTicks[] => (children.get(pid) ?? []).flatMap((child) => [child, ...tree(child.pid)]);
  const byPart = new Map<Part, number>();
  const add = (part: Part, ticks: number) => byPart.set(part, (byPart.get(part) ?? 0) + ticks);
  const self = rows.find((row) => row.pid === process.pid);
  if (self) add('stack + load generator (this process)', self.ticks);
  for (const row of tree(process.pid)) {
    if (/build\/index\.js/.test(row.command)) add('app (node build/index.js)', row.ticks);
    else if (row.command.includes('deno')) add('functions host (deno)', row.ticks);
  }
  const postmaster = rows.find((row) => row.pid === postmasterPid);
  if (postmaster) for (const row of [postmaster, ...tree(postmaster.pid)]) add('database (postgres)', row.ticks);
  return byPart;
}

async function postmasterPid(sql: Sql): Promise<number | null> {
  const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  try {
    const stat = readFileSync(`/proc/${row!.pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Linux counts CPU in clock ticks of 1/100 s (USER_HZ) on every platform Node supports. */
const TICKS_PER_SECOND = 100;

function printCpuBreakdown(before: Map<Part, number>, after: Map<Part, number>, seconds: number): void {
  if (after.size === 0) return;
  const parts = [...after.keys()].map((part) => ({ part, cores: ((after.get(part) ?? 0) - (before.get(part) ?? 0)) / TICKS_PER_SECOND / seconds }));
  console.log(`  CPU over the window (cores, of ${availableParallelism()}): ${parts.map(({ part, cores }) => `${part} ${cores.toFixed(2)}`).join(', ')}`);
  for (const { part, cores } of parts) reportFigure(`load_cpu_${slug(part.replace(/\(.*\)/, ''))}`, cores, 'cores');
}

/** pg_stat_statements' view, or null when the server was started without it preloaded. */
async function resetStatementStats(sql: Sql): Promise<boolean> {
  try {
    await sql`select extensions.pg_stat_statements_reset()`;
    return true;
  } catch {
    return false;
  }
}

async function printStatementStats(sql: Sql, requests: number): Promise<void> {
  const rows = await sql<{ calls: number; total_ms: number; mean_ms: number; role: string; query: string }[]>`
    select s.calls::int, s.total_exec_time as total_ms, s.mean_exec_time as mean_ms, r.rolname::text as role,
      regexp_replace(s.query, '[[:space:]]+', ' ', 'g') as query
    from extensions.pg_stat_statements s join pg_catalog.pg_roles r on r.oid = s.userid
    order by s.total_exec_time desc limit 15`;
  const [totals] = await sql<{ calls: number; total_ms: number }[]>`
    select coalesce(sum(calls), 0)::int as calls, coalesce(sum(total_exec_time), 0)::float8 as total_ms from extensions.pg_stat_statements`;
  console.log(`  database: ${totals!.calls} statements (${(totals!.calls / Math.max(requests, 1)).toFixed(1)} per request), ${(totals!.total_ms / 1000).toFixed(1)} s executing; the most expensive:`);
  table(rows.map((row) => ({ calls: row.calls, 'total ms': row.total_ms.toFixed(0), 'mean ms': row.mean_ms.toFixed(2), role: row.role, statement: row.query.slice(0, 110) })));
}

// ---------------------------------------------------------------------------------------------------------------
// The benchmark
// ---------------------------------------------------------------------------------------------------------------
function slug(route: string): string {
  const path = route.replace(/^(GET|POST) /, '').replace(/\(.*\)/, (match) => match.slice(1, -1));
  return path.replace(/:id/g, 'id').replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '').toLowerCase() || 'root';
}

export const loadBenchmark: Benchmark = {
  name: 'load',
  description: 'customers and technicians through the app\'s real routes and the chat function (default 200 / 20 for 120 s): p50 / p95 per route, 5xx, lost or duplicated messages',
  async run({ argv }) {
    const flags = parseFlags(argv);
    const stack = await startStack('bench');
    const sql = postgres(stack.dbUrl, { max: 4, onnotice: () => {} });
    const profileDir = join(stack.profile.stateDir, 'cpu-profiles');
    if (flags.cpuProf) mkdirSync(profileDir, { recursive: true });
    let app: Awaited<ReturnType<typeof startApp>> | undefined;
    try {
      app = await startApp(stack, {
        mode: 'production',
        // The app's server logs a line per request: into a file, so the table stays readable.
        logFile: join(stack.profile.stateDir, 'app.log'),
        nodeOptions: flags.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      });
      const endpoints: Endpoints = { appUrl: app.url, apiUrl: stack.apiUrl, anonKey: stack.keys.anonKey };
      const people = await createPeople(sql, flags);
      const ticketsByCustomer = await createTickets(sql, people.customers.map((customer) => customer.id));
      const areas = (await sql<{ slug: string }[]>`select slug from public.solution_areas order by slug`).map((area) => area.slug);
      const allTicketIds = [...ticketsByCustomer.values()].flat();
      const customers: Customer[] = people.customers.map((row) => ({ email: row.email, jar: new CookieJar(), ticketIds: ticketsByCustomer.get(row.id) ?? [], conversationIds: [] }));
      const technicians: Technician[] = people.technicians.map((row) => ({ email: row.email, jar: new CookieJar(), heldTicketIds: [] }));

      // Sign everyone in through the app's /login action (not measured: the window below is).
      const signInStarted = performance.now();
      const everyone: Visitor[] = [...customers, ...technicians];
      for (let next = 0; next < everyone.length; next += SIGN_IN_CONCURRENCY) {
        await Promise.all(everyone.slice(next, next + SIGN_IN_CONCURRENCY).map((visitor) => signIn(endpoints, visitor)));
      }
      console.log(`  ${customers.length} customers and ${technicians.length} technicians signed in through /login in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s; ${allTicketIds.length} tickets on the queue`);

      const recorder = new Recorder();
      const world: World = { endpoints, recorder, acknowledged: [], areas, queue: [...allTicketIds], allTicketIds, deadline: performance.now() + flags.seconds * 1000, pauseMs: flags.pauseMs };
      const postmaster = await postmasterPid(sql);
      const statementStats = flags.dbStats && (await resetStatementStats(sql));
      if (flags.dbStats && !statementStats) console.log('  (pg_stat_statements is not preloaded on this server: no statement figures)');
      const loadBefore = loadavg();
      const ticksBefore = ticksByPart(postmaster);
      const windowStarted = performance.now();
      console.log(`  acting for ${flags.seconds} s (load average before: ${loadBefore.map((value) => value.toFixed(2)).join(' ')})`);
      await Promise.all([
        ...customers.map((customer) => actUntilDeadline(world, () => customerActs(world, customer))),
        ...technicians.map((technician) => actUntilDeadline(world, () => technicianActs(world, technician))),
      ]);
      recorder.closed = true;
      const windowSeconds = (performance.now() - windowStarted) / 1000;
      const ticksAfter = ticksByPart(postmaster);
      const loadAfter = loadavg();
      const messages = await checkMessages(sql, world.acknowledged);

      const rows = [...recorder.routes].sort(([a], [b]) => a.localeCompare(b));
      let requests = 0;
      table(
        rows.map(([route, figures]) => {
          requests += figures.latenciesMs.length;
          return {
            route,
            count: figures.latenciesMs.length,
            'p50 ms': median(figures.latenciesMs).toFixed(0),
            'p95 ms': percentile(figures.latenciesMs, 95).toFixed(0),
            'max ms': Math.max(...figures.latenciesMs).toFixed(0),
            '5xx': figures.serverErrors,
            '4xx': figures.clientErrors,
            'no answer': figures.failures,
          };
        }),
      );
      const pages = rows.filter(([, figures]) => figures.kind === 'page').flatMap(([, figures]) => figures.latenciesMs);
      const serverErrors = rows.reduce((sum, [, figures]) => sum + figures.serverErrors, 0);
      const failures = rows.reduce((sum, [, figures]) => sum + figures.failures, 0);
      console.log(
        `  ${requests} requests in ${windowSeconds.toFixed(0)} s (${(requests / windowSeconds).toFixed(1)}/s); ${world.acknowledged.length} chat messages acknowledged; ` +
          `load average after: ${loadAfter.map((value) => value.toFixed(2)).join(' ')}`,
      );
      printCpuBreakdown(ticksBefore, ticksAfter, windowSeconds);
      if (statementStats) await printStatementStats(sql, requests);
      for (const [route, figures] of rows.filter(([, figures]) => figures.kind !== 'chat')) reportFigure(`load_${slug(route)}_p95`, percentile(figures.latenciesMs, 95), 'ms');
      reportFigure('load_page_p50', median(pages), 'ms');
      reportFigure('load_page_p95', percentile(pages, 95), 'ms');
      reportFigure('load_chat_first_delta_p95', percentile(recorder.route('chat: first delta', 'chat').latenciesMs, 95), 'ms');
      reportFigure('load_chat_answer_p95', percentile(recorder.route('chat: answer (done)', 'chat').latenciesMs, 95), 'ms');
      reportFigure('load_5xx', serverErrors, 'count');
      reportFigure('load_no_answer', failures, 'count');
      reportFigure('load_messages_acknowledged', world.acknowledged.length, 'count');
      reportFigure('load_messages_lost', messages.lost, 'count');
      reportFigure('load_messages_duplicated', messages.duplicated, 'count');
      reportFigure('load_loadavg_1m', loadAfter[0]!, 'load');
      if (flags.cpuProf) console.log(`  the app's CPU profile is written to ${profileDir} when it stops`);
      if (serverErrors > 0 || failures > 0 || messages.lost > 0 || messages.duplicated > 0) {
        throw new Error(`${serverErrors} 5xx, ${failures} requests without an answer, ${messages.lost} lost and ${messages.duplicated} duplicated messages`);
      }
    } finally {
      await sql.end({ timeout: 5 });
      await app?.stop();
      await stack.stop();
    }
  },
};
