// Work orders on the ticket page: each card shows the figures the database derived (labour = hours x rate,
// parts, total) and offers the moves of its lifecycle; the form below creates one with its parts lines.
import { useFetcher } from '@remix-run/react';
import { useRef, useState } from 'react';
import { Field, FormError, FormNotice, TextAreaField } from '~/components/form';
import { workOrderStatusLabel } from '~/lib/shared/ticket-status';
import type { WorkOrder } from '~/lib/shared/views/work-orders';
import type { TicketActionResult } from './action-result';
import { useResetOnSuccess } from './conversation';
import { LocalTime } from '../time';

const money = (value: string | null) => (value === null ? '—' : `$${value}`);
const hours = (value: string | null) => (value === null ? '—' : `${value} h`);

/** `othersTicket`: assigned to another technician, whose work orders only they and admins read (RLS). */
export function WorkOrders({ workOrders, canAct, ticketOpen, othersTicket }: { workOrders: WorkOrder[]; canAct: boolean; ticketOpen: boolean; othersTicket: boolean }) {
  return (
    <section className="card work-orders" aria-labelledby="work-orders-heading">
      <h2 id="work-orders-heading">Work orders</h2>
      {othersTicket ? (
        <p className="muted">The work orders of this ticket are visible to the technician it is assigned to and to admins.</p>
      ) : workOrders.length === 0 ? (
        <p className="muted">No work orders yet.</p>
      ) : null}
      {workOrders.map((workOrder) => (
        <WorkOrderCard key={workOrder.id} workOrder={workOrder} canAct={canAct} />
      ))}
      {canAct && ticketOpen ? <CreateWorkOrderForm /> : null}
      {!canAct && !othersTicket ? <p className="muted">Claim this ticket to create or update its work orders.</p> : null}
    </section>
  );
}

function WorkOrderCard({ workOrder, canAct }: { workOrder: WorkOrder; canAct: boolean }) {
  const fetcher = useFetcher<TicketActionResult>();
  const noteFetcher = useFetcher<TicketActionResult>();
  const noteForm = useRef<HTMLFormElement>(null);
  useResetOnSuccess(noteFetcher.state, noteFetcher.data, noteForm);
  const result = fetcher.data?.workOrderId === workOrder.id ? fetcher.data : undefined;
  const busy = fetcher.state !== 'idle';
  const finished = workOrder.status === 'completed' || workOrder.status === 'cancelled';
  const headingId = `work-order-${workOrder.id}`;
  return (
    <article className={`work-order status-${workOrder.status}`} aria-labelledby={headingId} data-testid="work-order">
      <header className="work-order-header">
        <h3 id={headingId}>{workOrder.number}</h3>
        <span className={`status-badge wo-${workOrder.status}`} data-testid="work-order-status">
          {workOrderStatusLabel[workOrder.status]}
        </span>
        <a className="button secondary small" href={`/desk/work-orders/${workOrder.id}.pdf`} target="_blank" rel="noreferrer">
          Print sheet (PDF)
        </a>
      </header>
      <p>{workOrder.description || <span className="muted">No description.</span>}</p>
      <dl className="figures">
        <dt>Estimated</dt>
        <dd>{hours(workOrder.estimatedHours)}</dd>
        <dt>Actual</dt>
        <dd data-testid="work-order-actual-hours">{hours(workOrder.actualHours)}</dd>
        <dt>Rate</dt>
        <dd>{money(workOrder.laborRate)}/h</dd>
        <dt>Labour</dt>
        <dd>{money(workOrder.laborCost)}</dd>
        <dt>Parts</dt>
        <dd>{money(workOrder.partsCost)}</dd>
        <dt>Total</dt>
        <dd className="total" data-testid="work-order-total">
          {money(workOrder.totalCost)}
        </dd>
      </dl>
      {workOrder.parts.length > 0 ? (
        <table className="parts-table">
          <caption className="visually-hidden">Parts of {workOrder.number}</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Number</th>
              <th scope="col">Qty</th>
              <th scope="col">Unit cost</th>
              <th scope="col">Line total</th>
            </tr>
          </thead>
          <tbody>
            {workOrder.parts.map((part) => (
              <tr key={part.id}>
                <td>{part.partName}</td>
                <td>{part.partNumber ?? '—'}</td>
                <td>{part.quantity}</td>
                <td>{money(part.unitCost)}</td>
                <td>{money(part.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No parts.</p>
      )}
      {workOrder.completedAt ? <p className="muted">Completed <LocalTime iso={workOrder.completedAt} /></p> : null}

      {canAct && !finished ? (
        <fetcher.Form method="post" className="work-order-actions">
          <input type="hidden" name="workOrderId" value={workOrder.id} />
          <FormError message={result?.formError} />
          <FormNotice message={result?.notice} />
          {workOrder.status === 'in_progress' ? (
            <div className="field">
              <label htmlFor={`actual-hours-${workOrder.id}`}>Actual hours</label>
              <input
                id={`actual-hours-${workOrder.id}`}
                name="actualHours"
                type="number"
                min={0}
                max={999}
                step={0.25}
                inputMode="decimal"
                defaultValue={workOrder.actualHours ?? ''}
                aria-invalid={result?.fieldErrors['actualHours'] ? true : undefined}
                aria-describedby={result?.fieldErrors['actualHours'] ? `actual-hours-${workOrder.id}-error` : undefined}
              />
              {result?.fieldErrors['actualHours'] ? (
                <p className="field-error" id={`actual-hours-${workOrder.id}-error`}>
                  {result.fieldErrors['actualHours']}
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="button-row">
            {workOrder.status === 'open' ? (
              <button type="submit" name="intent" value="startWorkOrder" className="button small" disabled={busy}>
                Start work order
              </button>
            ) : (
              <>
                <button type="submit" name="intent" value="logHours" className="button secondary small" disabled={busy}>
                  Log hours
                </button>
                <button type="submit" name="intent" value="completeWorkOrder" className="button small" disabled={busy}>
                  Complete work order
                </button>
              </>
            )}
            <button type="submit" name="intent" value="cancelWorkOrder" className="button secondary small danger" disabled={busy}>
              Cancel work order
            </button>
          </div>
        </fetcher.Form>
      ) : null}

      <details className="work-order-notes" open={workOrder.notes.length > 0}>
        <summary>Internal notes ({workOrder.notes.length})</summary>
        <ul>
          {workOrder.notes.map((note) => (
            <li key={note.id}>
              <strong>{note.authorName ?? 'Staff'}</strong> <LocalTime className="muted" iso={note.createdAt} />
              <p>{note.content}</p>
            </li>
          ))}
        </ul>
        {canAct && !finished ? (
          <noteFetcher.Form method="post" className="form" ref={noteForm}>
            <input type="hidden" name="intent" value="workOrderNote" />
            <input type="hidden" name="workOrderId" value={workOrder.id} />
            <FormError message={noteFetcher.data?.workOrderId === workOrder.id ? noteFetcher.data.formError : undefined} />
            <TextAreaField
              name="content"
              idSuffix={`wo-${workOrder.id}`}
              label={`Note on ${workOrder.number} (staff only)`}
              rows={2}
              required
              maxLength={5_000}
              error={noteFetcher.data?.workOrderId === workOrder.id ? noteFetcher.data.fieldErrors['content'] : undefined}
            />
            <button type="submit" className="button secondary small" disabled={noteFetcher.state !== 'idle'}>
              Add note
            </button>
          </noteFetcher.Form>
        ) : null}
      </details>
    </article>
  );
}

function CreateWorkOrderForm() {
  const fetcher = useFetcher<TicketActionResult>();
  const form = useRef<HTMLFormElement>(null);
  const [lines, setLines] = useState(1);
  const result = fetcher.data?.intent === 'createWorkOrder' ? fetcher.data : undefined;
  useResetOnSuccess(fetcher.state, result, form);
  return (
    <fetcher.Form method="post" className="form create-work-order" ref={form} aria-labelledby="create-work-order-heading">
      <h3 id="create-work-order-heading">New work order</h3>
      <input type="hidden" name="intent" value="createWorkOrder" />
      <FormError message={result?.formError} />
      <FormNotice message={result?.notice} />
      <TextAreaField name="description" label="Description" rows={2} required maxLength={2_000} error={result?.fieldErrors['description']} />
      <div className="field-row">
        <Field name="estimatedHours" label="Estimated hours" type="number" min={0} max={999} step={0.25} inputMode="decimal" error={result?.fieldErrors['estimatedHours']} />
        <Field name="laborRate" label="Labour rate ($/h)" type="number" min={0} step={0.01} inputMode="decimal" required error={result?.fieldErrors['laborRate']} />
      </div>
      <fieldset className="parts-lines" aria-describedby={result?.fieldErrors['parts'] ? 'parts-error' : undefined}>
        <legend>Parts</legend>
        {Array.from({ length: lines }, (_, index) => (
          <div className="part-line" key={index} data-testid="part-line">
            <label>
              Part {index + 1}
              <input name="partName" maxLength={200} />
            </label>
            <label>
              Part number
              <input name="partNumber" maxLength={100} />
            </label>
            <label>
              Quantity
              <input name="partQuantity" type="number" min={1} step={1} inputMode="numeric" />
            </label>
            <label>
              Unit cost ($)
              <input name="partUnitCost" type="number" min={0} step={0.01} inputMode="decimal" />
            </label>
          </div>
        ))}
        {result?.fieldErrors['parts'] ? (
          <p className="field-error" id="parts-error" role="alert">
            {result.fieldErrors['parts']}
          </p>
        ) : null}
        <button type="button" className="button secondary small" onClick={() => setLines((count) => count + 1)}>
          Add part line
        </button>
      </fieldset>
      <button type="submit" className="button" disabled={fetcher.state !== 'idle'}>
        {fetcher.state !== 'idle' ? 'Creating…' : 'Create work order'}
      </button>
    </fetcher.Form>
  );
}
