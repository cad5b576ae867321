// Issue 20 point 4: input that the database cannot take, or that names someone else's rows, answers a 4xx with a
// message a person understands — never a 500 ("We cannot reach our servers") — and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeOf, routeArgs, signedIn, APP, type CookieJar } from '../support/app-session.ts';
import { sql } from '../support/db.ts';

const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');
const help = await import('../../app/routes/help._index.tsx');
const newTicket = await import('../../app/routes/app.tickets.new.tsx');
const deskTicket = await import('../../app/routes/desk.tickets.$ticketId.tsx');
const troubleshootStart = await import('../../app/routes/app.troubleshoot._index.tsx');
const troubleshootSession = await import('../../app/routes/app.troubleshoot.$sessionId.tsx');
const conversation = await import('../../app/routes/app.conversations.$conversationId.tsx');

afterAll(() => closeDatabasePool());

const messageOf = (body: unknown) => JSON.stringify(body);

let customer: { id: string; jar: CookieJar };
let otherCustomer: { id: string; jar: CookieJar };
let technician: { id: string; jar: CookieJar };
beforeAll(async () => {
  [customer, otherCustomer, technician] = await Promise.all([signedIn('customer'), signedIn('customer'), signedIn('technician')]);
});

describe('input the database cannot take', () => {
  it('answers a help search with a NUL byte (anonymous) without a 500', async () => {
    const outcome = await outcomeOf(() => help.loader(routeArgs(new Request(`${APP}/help?q=bat%00tery`)) as never));
    expect(outcome.status).toBe(200);
  });

  it('refuses a NUL byte in a ticket title next to the field, and stores nothing', async () => {
    const subject = `Brakes\u0000 ${randomUUID()}`;
    const outcome = await outcomeOf(() =>
      newTicket.action(routeArgs(customer.jar.post('/app/tickets/new', { subject, content: 'They squeal.', priority: 'normal', contactPhone: '', vehicleYear: '', vehicleMake: '', vehicleModel: '', vin: '' })) as never));
    expect(outcome.status).toBe(400);
    expect(messageOf(outcome.body)).toMatch(/unusual character/i);
    expect((await sql`select count(*)::int as n from public.tickets where customer_id = ${customer.id}`)[0]!.n).toBe(0);
  });

  it('refuses a work order whose parts total overflows its column, and stores no work order', async () => {
    const [ticket] = await sql<{ id: string }[]>`
      insert into public.tickets (customer_id, subject, content) values (${customer.id}, 'Overflow', 'x') returning id`;
    await sql`update public.tickets set status = 'assigned', assigned_to = ${technician.id} where id = ${ticket!.id}`;
    const outcome = await outcomeOf(() =>
      deskTicket.action(routeArgs(technician.jar.post(`/desk/tickets/${ticket!.id}`, {
        intent: 'createWorkOrder', description: 'Replace everything', estimatedHours: '1', laborRate: '90',
        partName: 'Gold-plated rotor', partNumber: '', partQuantity: '10000', partUnitCost: '1000000',
      }), { ticketId: ticket!.id }) as never));
    expect(outcome.status).toBeGreaterThanOrEqual(400);
    expect(outcome.status).toBeLessThan(500);
    expect(messageOf(outcome.body)).toMatch(/too large|too high|at most/i);
    expect((await sql`select count(*)::int as n from public.work_orders where ticket_id = ${ticket!.id}`)[0]!.n).toBe(0);
  });

  it('refuses a troubleshooting step number past int', async () => {
    const [guide] = await sql<{ id: string }[]>`select id from public.guides where is_published order by slug limit 1`;
    const [session] = await sql<{ id: string }[]>`
      insert into public.troubleshooting_sessions (customer_id, issue_description, guide_id) values (${customer.id}, 'Car will not start', ${guide!.id}) returning id`;
    const outcome = await outcomeOf(() =>
      troubleshootSession.action(routeArgs(customer.jar.post(`/app/troubleshoot/${session!.id}`, { intent: 'step', stepNumber: '99999999999', answer: 'tried' }), { sessionId: session!.id }) as never));
    expect(outcome.status).toBe(400);
  });
});

describe("someone else's rows", () => {
  it("refuses a troubleshooting session with another customer's vehicle, next to the field", async () => {
    const [vehicle] = await sql<{ id: string }[]>`insert into public.customer_vehicles (customer_id, make, model) values (${otherCustomer.id}, 'Skoda', 'Octavia') returning id`;
    const [guide] = await sql<{ id: string }[]>`select id from public.guides where is_published order by slug limit 1`;
    const outcome = await outcomeOf(() =>
      troubleshootStart.action(routeArgs(customer.jar.post('/app/troubleshoot?index', {
        intent: 'start', description: 'My car will not start in the morning', guideId: guide!.id, vehicle: `vehicle:${vehicle!.id}`,
      })) as never));
    expect(outcome.status).toBe(400);
    expect(messageOf(outcome.body)).toMatch(/vehicle/i);
    expect((await sql`select count(*)::int as n from public.troubleshooting_sessions where customer_id = ${customer.id} and issue_description like 'My car will not start in the morning%'`)[0]!.n).toBe(0);
  });

  it("answers mark-read on another customer's conversation with a 404", async () => {
    const [theirs] = await sql<{ id: string }[]>`insert into public.conversations (customer_id, title) values (${otherCustomer.id}, 'Theirs') returning id`;
    const outcome = await outcomeOf(() =>
      conversation.action(routeArgs(customer.jar.post(`/app/conversations/${theirs!.id}`, { intent: 'mark-read' }), { conversationId: theirs!.id }) as never));
    expect(outcome.status).toBe(404);
  });
});
