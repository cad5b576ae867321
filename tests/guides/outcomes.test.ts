// The customer's guided fix through the UI's server path: the route actions and loaders of /app/troubleshoot and
// /app/troubleshoot/$sessionId, called with real Requests carrying a signed-in customer's session cookies. One
// session per outcome: fixed (resolved), still broken (exactly one ticket, with its number on the page and the
// vehicle, guide and steps on the ticket), and wrong guide (misclassified, next-best guides offered).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { routeArgs, signedIn, type CookieJar } from '../support/app-session.ts';

const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');
const startRoute = await import('../../app/routes/app.troubleshoot._index.tsx');
const sessionRoute = await import('../../app/routes/app.troubleshoot.$sessionId.tsx');

const NO_START = 'my car will not start after the rain, it just cranks';

const signedInCustomer = () => signedIn('customer');


/** Remix's `data()` result or a plain Response, as { status, body }. */
async function unwrap(result: unknown): Promise<{ status: number; body: unknown; location: string | null }> {
  if (result instanceof Response) return { status: result.status, body: null, location: result.headers.get('Location') };
  const shaped = result as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (shaped?.type === 'DataWithResponseInit') return { status: shaped.init?.status ?? 200, body: shaped.data, location: null };
  return { status: 200, body: result, location: null };
}

/** Describes the problem and, the match being confident, lands on a new session; returns its id. */
async function startConfidentSession(jar: CookieJar, fields: Record<string, string>): Promise<string> {
  const result = await unwrap(await startRoute.action(routeArgs(jar.post('/app/troubleshoot?index', { intent: 'match', ...fields }))));
  expect(result.status).toBe(302);
  const sessionId = result.location?.match(/^\/app\/troubleshoot\/([0-9a-f-]{36})$/)?.[1];
  expect(sessionId).toBeDefined();
  return sessionId!;
}

async function answerStep(jar: CookieJar, sessionId: string, stepNumber: number, answer: 'tried' | 'skipped') {
  return unwrap(await sessionRoute.action(routeArgs(jar.post(`/app/troubleshoot/${sessionId}`, { intent: 'step', stepNumber: String(stepNumber), answer }), { sessionId })));
}

async function endWith(jar: CookieJar, sessionId: string, outcome: string) {
  return unwrap(await sessionRoute.action(routeArgs(jar.post(`/app/troubleshoot/${sessionId}`, { intent: 'outcome', outcome }), { sessionId })));
}

interface SessionPage {
  session: { guideTitle: string | null; resolved: boolean; misclassified: boolean; completedAt: string | null; ticketNumber: string | null; vehicleLabel: string | null; steps: Array<{ stepNumber: number; attempted: boolean | null }> };
  alternatives: Array<{ slug: string; guideId: string }>;
}

async function sessionPage(jar: CookieJar, sessionId: string): Promise<SessionPage> {
  const { body } = await unwrap(await sessionRoute.loader(routeArgs(jar.get(`/app/troubleshoot/${sessionId}`), { sessionId })));
  return body as SessionPage;
}

describe('guided fix through the route actions', () => {
  let customer: Awaited<ReturnType<typeof signedInCustomer>>;
  beforeAll(async () => {
    customer = await signedInCustomer();
  });
  afterAll(async () => {
    await closeDatabasePool();
  });

  it('"It\'s fixed": the session is resolved and the steps tried are marked as the fix', async () => {
    const sessionId = await startConfidentSession(customer.jar, { description: NO_START, vehicle: '' });
    const page = await sessionPage(customer.jar, sessionId);
    expect(page.session.guideTitle).toBe('Car will not start');
    expect(page.session.steps.length).toBeGreaterThan(3);
    expect((await answerStep(customer.jar, sessionId, 1, 'skipped')).status).toBe(200);
    expect((await answerStep(customer.jar, sessionId, 2, 'tried')).status).toBe(200);

    expect((await endWith(customer.jar, sessionId, 'resolved')).status).toBe(200);
    const after = await sessionPage(customer.jar, sessionId);
    expect(after.session).toMatchObject({ resolved: true, misclassified: false, ticketNumber: null });
    expect(after.session.completedAt).not.toBeNull();
    const steps = await sql`select step_number, attempted, resolved_issue, responded_at is not null as responded from public.troubleshooting_session_steps where session_id = ${sessionId} order by step_number`;
    expect(steps).toEqual([
      { step_number: 1, attempted: false, resolved_issue: false, responded: true },
      { step_number: 2, attempted: true, resolved_issue: true, responded: true },
    ]);
    expect(await sql`select 1 from public.tickets where troubleshooting_session_id = ${sessionId}`).toHaveLength(0);
    // A finished session takes no more answers.
    expect((await answerStep(customer.jar, sessionId, 3, 'tried')).status).toBe(409);
    expect((await endWith(customer.jar, sessionId, 'not_resolved')).status).toBe(409);
  });

  it('"Still broken": exactly one ticket, its number on the page, carrying the issue, guide, steps tried and vehicle', async () => {
    const [model] = await sql`select id, year, make, model from public.vehicle_models order by id limit 1`;
    const sessionId = await startConfidentSession(customer.jar, { description: NO_START, vehicle: `model:${model!['id']}` });
    await answerStep(customer.jar, sessionId, 1, 'tried');
    await answerStep(customer.jar, sessionId, 3, 'tried');

    expect((await endWith(customer.jar, sessionId, 'not_resolved')).status).toBe(200);
    const page = await sessionPage(customer.jar, sessionId);
    expect(page.session.ticketNumber).toMatch(/^TCK-\d{6,}$/);
    expect(page.session.vehicleLabel).toContain(String(model!['make']));
    const tickets = await sql`select number, customer_id, channel::text, vehicle_year, vehicle_make, vehicle_model, content from public.tickets where troubleshooting_session_id = ${sessionId}`;
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect(ticket).toMatchObject({ number: page.session.ticketNumber, customer_id: customer.id, channel: 'troubleshooting', vehicle_year: model!['year'], vehicle_make: model!['make'], vehicle_model: model!['model'] });
    expect(ticket!['content']).toContain(NO_START);
    expect(ticket!['content']).toContain('Guide: Car will not start');
    expect(ticket!['content']).toMatch(/1\. .+ \(tried\)/);
    expect(ticket!['content']).toMatch(/3\. .+ \(tried\)/);
    // Pressing the button again opens no second ticket.
    expect((await endWith(customer.jar, sessionId, 'not_resolved')).status).toBe(409);
    expect(await sql`select 1 from public.tickets where troubleshooting_session_id = ${sessionId}`).toHaveLength(1);
  });

  it('"This isn\'t my problem": misclassified, and the next-best guides are offered without the wrong one', async () => {
    const sessionId = await startConfidentSession(customer.jar, { description: NO_START, vehicle: '' });
    const before = await sessionPage(customer.jar, sessionId);
    expect((await endWith(customer.jar, sessionId, 'another_issue')).status).toBe(200);
    const page = await sessionPage(customer.jar, sessionId);
    expect(page.session).toMatchObject({ misclassified: true, resolved: false, ticketNumber: null });
    const [row] = await sql`select abandoned, misclassified, completed_at is not null as completed from public.troubleshooting_sessions where id = ${sessionId}`;
    expect(row).toEqual({ abandoned: true, misclassified: true, completed: true });
    expect(page.alternatives.length).toBeGreaterThan(0);
    expect(page.alternatives.length).toBeLessThanOrEqual(3);
    expect(page.alternatives.map((guide) => guide.slug)).not.toContain('car-wont-start');
    expect(before.session.guideTitle).toBe('Car will not start');

    // Choosing a next-best guide starts a new session on it with the same description.
    const next = page.alternatives[0]!;
    const started = await unwrap(await startRoute.action(routeArgs(customer.jar.post('/app/troubleshoot?index', { intent: 'start', description: NO_START, vehicle: '', guideId: next.guideId }))));
    expect(started.status).toBe(302);
    const [newSession] = await sql`select guide_id, issue_description from public.troubleshooting_sessions where id = ${started.location!.split('/').pop()!}`;
    expect(newSession).toEqual({ guide_id: next.guideId, issue_description: NO_START });
  });

  it('a weak match asks the customer to choose among the top 3 instead of starting a session', async () => {
    const result = await unwrap(await startRoute.action(routeArgs(customer.jar.post('/app/troubleshoot?index', { intent: 'match', description: 'the windscreen wipers leave smears on the glass', vehicle: '' }))));
    expect(result.status).toBe(200);
    const body = result.body as { candidates: Array<{ confident: boolean }> };
    expect(body.candidates.length).toBeGreaterThan(0);
    expect(body.candidates.length).toBeLessThanOrEqual(3);
    expect(body.candidates.some((candidate) => candidate.confident)).toBe(false);
  });

  it('lists the customer\'s recent sessions with their status on the start page', async () => {
    const { body } = await unwrap(await startRoute.loader(routeArgs(customer.jar.get('/app/troubleshoot'))));
    const { recentSessions } = body as { recentSessions: Array<{ status: string; ticketNumber: string | null }> };
    expect(recentSessions).toHaveLength(4);
    const statuses = new Set(recentSessions.map((session) => session.status));
    for (const status of ['in_progress', 'resolved', 'ticket', 'wrong_guide']) expect(statuses).toContain(status);
    expect(recentSessions.find((session) => session.status === 'ticket')?.ticketNumber).toMatch(/^TCK-/);
  });

  it('refuses a too-short description, and another customer\'s session is a 404', async () => {
    const invalid = await unwrap(await startRoute.action(routeArgs(customer.jar.post('/app/troubleshoot?index', { intent: 'match', description: 'car', vehicle: '' }))));
    expect(invalid.status).toBe(400);
    expect((invalid.body as { fieldErrors: Record<string, string> }).fieldErrors['description']).toMatch(/at least 8/);

    const sessionId = await startConfidentSession(customer.jar, { description: NO_START, vehicle: '' });
    const stranger = await signedInCustomer();
    const thrown = await sessionRoute.loader(routeArgs(stranger.jar.get(`/app/troubleshoot/${sessionId}`), { sessionId })).catch((error: unknown) => error);
    expect((await unwrap(thrown)).status).toBe(404);
    expect((await endWith(stranger.jar, sessionId, 'resolved')).status).toBe(404);
  });
});
