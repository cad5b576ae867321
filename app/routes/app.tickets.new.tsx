// Open a ticket: the customer describes the problem (and the vehicle, if it is about one) and gets the ticket number
// at once; triage, numbering and the technician queue all follow from the database.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { Field, FormError, TextAreaField, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { openTicket } from '~/models/customer-tickets.server';

export const meta: MetaFunction = () => [{ title: 'Open a ticket · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { headers } = await requireUser(request, { role: 'customer' });
  return data(null, { headers });
}

/**
 * How long a title the customer may type: the one home of this rule (the form's zod schema and the field's own
 * minLength / maxLength read it). The database only asks for a non-empty subject (tickets_subject_check), because
 * the chat hand-off and the guided fix write subjects of their own; the minimum is a form rule, so it lives here.
 */
const ticketTitleLength = { min: 3, max: 120 } as const;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => value || undefined);

const newTicketSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(ticketTitleLength.min, `Use at least ${ticketTitleLength.min} characters for the title.`)
    .max(ticketTitleLength.max, `Keep the title under ${ticketTitleLength.max} characters.`),
  content: z.string().trim().min(10, 'Tell us a little more (at least 10 characters).').max(10_000, 'Keep it under 10,000 characters.'),
  priority: z.enum(['low', 'normal', 'high', 'urgent'], { message: 'Choose how urgent this is.' }),
  contactPhone: optionalText(40, 'That phone number is too long.'),
  vehicleYear: z
    .string()
    .trim()
    .transform((value) => (value ? Number(value) : undefined))
    .pipe(z.number({ message: 'Enter the year as four digits.' }).int('Enter the year as four digits.').min(1900, 'Enter a year after 1900.').max(2100, 'Enter a real model year.').optional()),
  vehicleMake: optionalText(60, 'Use at most 60 characters.'),
  vehicleModel: optionalText(60, 'Use at most 60 characters.'),
  vin: z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => value === '' || /^[A-HJ-NPR-Z0-9]{17}$/.test(value), 'A VIN has 17 letters and digits (never I, O or Q).')
    .transform((value) => value || undefined),
});

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const form = parseForm(newTicketSchema, await request.formData());
  if (!form.success) return data<{ fieldErrors: FieldErrors }>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
  const ticket = await openTicket({ claims, input: form.data });
  return redirect(`/app/tickets/${ticket.id}?opened=1`, { headers });
}

export default function NewTicketPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useFocusFirstInvalid(actionData);
  const errors = actionData?.fieldErrors ?? {};
  const submitting = navigation.state === 'submitting';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/app">My support</Link> / New ticket
      </p>
      <h1>Open a ticket</h1>
      <p className="lead">A technician will pick it up. You get the ticket number straight away and can follow it here.</p>
      <Form method="post" className="card form" ref={formRef} noValidate>
        <FormError message={errors['form']} />
        <Field
          name="subject"
          label="Title"
          error={errors['subject']}
          required
          minLength={ticketTitleLength.min}
          maxLength={ticketTitleLength.max}
          hint={`${ticketTitleLength.min} to ${ticketTitleLength.max} characters, e.g. “Brakes squeal when I stop”.`}
        />
        <TextAreaField name="content" label="What happened?" rows={5} required error={errors['content']} />
        <div className="field">
          <label htmlFor="field-priority">How urgent is it?</label>
          <select id="field-priority" name="priority" defaultValue="normal" aria-invalid={errors['priority'] ? true : undefined}>
            <option value="low">Low — whenever you can</option>
            <option value="normal">Normal</option>
            <option value="high">High — it stops me working</option>
            <option value="urgent">Urgent — safety or an outage</option>
          </select>
          {errors['priority'] ? <p className="field-error">{errors['priority']}</p> : null}
        </div>
        <Field name="contactPhone" label="Phone (optional)" type="tel" error={errors['contactPhone']} />
        <fieldset className="field-group">
          <legend>Vehicle (optional)</legend>
          <div className="field-row">
            <Field name="vehicleYear" label="Year" inputMode="numeric" error={errors['vehicleYear']} />
            <Field name="vehicleMake" label="Make" error={errors['vehicleMake']} />
            <Field name="vehicleModel" label="Model" error={errors['vehicleModel']} />
          </div>
          <Field name="vin" label="VIN" error={errors['vin']} maxLength={17} hint="17 characters, on the dashboard or the driver's door frame." />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? 'Opening…' : 'Open ticket'}
          </button>
          <Link to="/app" className="button secondary">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The ticket form could not be shown.',
  unexpected: { title: 'Your ticket could not be opened', message: 'Something went wrong on our side and nothing was saved. Please try again in a moment.' },
});
