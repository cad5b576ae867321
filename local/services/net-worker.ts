// Delivers the HTTP requests queued by the pg_net stand-in (local/extensions/pg_net), doing
// locally what pg_net's background worker does on Supabase: claim queued rows, perform them
// with their timeout, record each outcome in net._http_response under the request's id.
//
// Why a Node worker: pg_net is a C extension with libcurl that Debian does not package, and
// the stand-in must be SQL only. A NOTIFY from the queue's insert trigger wakes the worker at
// commit; a 250 ms poll covers a missed notification or a reconnect.
import postgres from 'postgres';
import { z } from 'zod';
import { warn } from '../log.ts';

export interface NetWorker {
  stop(): Promise<void>;
}

export interface NetWorkerOptions {
  dbUrl: string;
  /** Requests in flight at once (pg_net's batch_size defaults to 200). */
  concurrency?: number;
  pollIntervalMs?: number;
}

const wakeChannel = 'pg_net_request_queued';
const responseTtl = '6 hours'; // pg_net.ttl default
const ttlSweepEveryMs = 60_000;
const stopGraceMs = 2_000;
const userAgent = 'pg_net/0.14.0';

const queuedRequestSchema = z.object({
  id: z.coerce.number().int(),
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.unknown()).nullable(),
  body: z.instanceof(Uint8Array).nullable(),
  timeout_milliseconds: z.number().int(),
});
type QueuedRequest = z.infer<typeof queuedRequestSchema>;

interface ResponseRow {
  id: number;
  status_code: number | null;
  content_type: string | null;
  headers: Record<string, string> | null;
  content: string | null;
  timed_out: boolean;
  error_msg: string | null;
}

export async function startNetWorker(options: NetWorkerOptions): Promise<NetWorker> {
  const concurrency = options.concurrency ?? 200;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const sql = postgres(options.dbUrl, { max: 3, onnotice: () => {}, connection: { application_name: 'pg_net worker (local)' } });

  let stopping = false;
  let wake: (() => void) | undefined;
  const wakeUp = () => wake?.();
  const inFlight = new Set<Promise<void>>();
  const stopControllers = new Set<AbortController>();
  let finished: ResponseRow[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let lastSweep = 0;

  const listener = await sql.listen(wakeChannel, wakeUp).catch((error: unknown) => {
    // Before `create extension pg_net` the channel still works; failing here means no database.
    warn(`pg_net worker: cannot listen for queued requests (${errorText(error)}); polling only.`);
    return undefined;
  });

  function sleepUntilWoken(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function claim(limit: number): Promise<QueuedRequest[]> {
    // Deleting at claim time is what pg_net does too: a request is attempted at most once.
    const rows = await sql`
      delete from net.http_request_queue
      where id in (
        select id from net.http_request_queue order by id limit ${limit} for update skip locked
      )
      returning id, method, url, headers, body, timeout_milliseconds`;
    return rows.map((row) => queuedRequestSchema.parse(row));
  }

  function flush(): Promise<void> {
    flushing = flushing.then(async () => {
      if (finished.length === 0) return;
      const batch = finished;
      finished = [];
      const insert = (rows: ResponseRow[]) =>
        sql`insert into net._http_response ${sql(rows.map((row) => ({ ...row, headers: row.headers === null ? null : sql.json(row.headers) })))}`;
      try {
        await insert(batch);
      } catch {
        // One unstorable row must not lose the batch: retry one by one and report the rest.
        for (const row of batch) {
          await insert([row]).catch((error: unknown) => warn(`pg_net worker: could not record the response to request ${row.id} (${errorText(error)}).`));
        }
      }
    });
    return flushing;
  }

  function deliverInBackground(request: QueuedRequest) {
    const delivery = deliver(request, stopControllers).then((row) => {
      finished.push(row);
      // Small batches keep latency low; big bursts still share one insert per ~100 rows.
      if (finished.length >= 100 || inFlight.size <= 1) void flush();
    });
    inFlight.add(delivery);
    void delivery.finally(() => {
      inFlight.delete(delivery);
      wakeUp();
    });
  }

  async function sweepOldResponses() {
    if (Date.now() - lastSweep < ttlSweepEveryMs) return;
    lastSweep = Date.now();
    await sql`delete from net._http_response where created < now() - ${responseTtl}::interval`;
  }

  async function run() {
    while (!stopping) {
      try {
        const room = concurrency - inFlight.size;
        const claimed = room > 0 ? await claim(room) : [];
        for (const request of claimed) deliverInBackground(request);
        if (claimed.length > 0 && claimed.length === room) continue;
        await flush();
        await sweepOldResponses();
      } catch (error) {
        if (stopping) break;
        // Before the extension exists the queue table is missing; that is normal, stay quiet.
        if (!isUndefinedTable(error)) warn(`pg_net worker: ${errorText(error)}; retrying.`);
        await sleepUntilWoken(1_000);
        continue;
      }
      await sleepUntilWoken(pollIntervalMs);
    }
  }

  const loop = run();

  return {
    async stop() {
      stopping = true;
      wakeUp();
      await loop;
      // Requests already claimed get a short grace period, then are cancelled and recorded,
      // so none vanishes without a response row.
      const grace = setTimeout(() => stopControllers.forEach((controller) => controller.abort()), stopGraceMs);
      await Promise.allSettled([...inFlight]);
      clearTimeout(grace);
      await flush();
      await listener?.unlisten().catch(() => {});
      await sql.end({ timeout: 5 });
    },
  };
}

async function deliver(request: QueuedRequest, stopControllers: Set<AbortController>): Promise<ResponseRow> {
  const failed = (error_msg: string, timed_out = false): ResponseRow => ({
    id: request.id,
    status_code: null,
    content_type: null,
    headers: null,
    content: null,
    timed_out,
    error_msg,
  });

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return failed('URL using bad/illegal format or missing URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return failed('Unsupported protocol');

  const headers = new Headers({ 'User-Agent': userAgent, Accept: '*/*' });
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    try {
      headers.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    } catch {
      return failed(`Invalid header: ${name}`);
    }
  }

  // One controller per request, aborted by its own timer or by stop(). (Node 20's AbortSignal.any over
  // AbortSignal.timeout can lose the timeout when the composite signal is garbage-collected.)
  const stopController = new AbortController();
  stopControllers.add(stopController);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stopController.abort();
  }, request.timeout_milliseconds);
  const signal = stopController.signal;
  const startedAt = performance.now();
  try {
    const response = await fetch(url, {
      method: request.method.toUpperCase(),
      headers,
      body: request.body && request.body.length > 0 ? request.body : undefined,
      signal,
      redirect: 'manual',
    });
    // Text columns cannot hold NUL; pg_net would fail such a body too, here it is kept minus NULs.
    const content = (await response.text()).replaceAll('\u0000', '');
    return {
      id: request.id,
      status_code: response.status,
      content_type: response.headers.get('content-type'),
      headers: Object.fromEntries(response.headers.entries()),
      content,
      timed_out: false,
      error_msg: null,
    };
  } catch (error) {
    if (timedOut) {
      const elapsed = (performance.now() - startedAt).toFixed(1);
      return failed(`Timeout of ${request.timeout_milliseconds} ms reached. Total time: ${elapsed} ms`, true);
    }
    if (signal.aborted) return failed('Request cancelled: the local stack stopped');
    return failed(curlStyleMessage(error));
  } finally {
    clearTimeout(timer);
    stopControllers.delete(stopController);
  }
}

// pg_net reports libcurl's messages (curl_easy_strerror); map Node's network errors onto them
// so code that inspects error_msg behaves the same locally.
function curlStyleMessage(error: unknown): string {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return "Couldn't connect to server";
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return "Couldn't resolve host name";
    case 'UND_ERR_SOCKET':
      return 'Server returned nothing (no headers, no data)';
    default:
      return errorText(error);
  }
}

function isUndefinedTable(error: unknown): boolean {
  return (error as { code?: string }).code === '42P01';
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
