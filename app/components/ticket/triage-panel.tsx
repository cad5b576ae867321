// The ticket's AI triage as staff see it, with a correction form per field (category, urgency, sentiment). The
// database stores each change once (public.correct_ticket_triage) and a re-triage keeps it; this panel shows the
// current value, what triage said before a person changed it, and who did.
import { useFetcher } from '@remix-run/react';
import { FormError, FormNotice } from '~/components/form';
import type { TicketActionResult } from '~/components/ticket/action-result';
import { providerLabel } from '~/components/ticket/provider-label';
import { ticketCategories, ticketCategoryLabel } from '~/lib/shared/desk-board';
import type { TicketDetails, TriageCorrection, TriageField, TriageResult } from '~/lib/shared/views/ticket-page';

const fieldLabel: Record<TriageField, string> = { category: 'Category', urgency: 'Urgency', sentiment: 'Sentiment' };
const choices: Record<TriageField, readonly { value: string; label: string }[]> = {
  category: ticketCategories.map((category) => ({ value: category, label: ticketCategoryLabel[category] })),
  urgency: [
    { value: 'high', label: 'High' },
    { value: 'medium', label: 'Medium' },
    { value: 'low', label: 'Low' },
  ],
  sentiment: Array.from({ length: 10 }, (_, index) => ({ value: String(index + 1), label: `${index + 1} / 10` })),
};

function CorrectionForm({ field, current, correction }: { field: TriageField; current: string | null; correction: TriageCorrection | undefined }) {
  const fetcher = useFetcher<TicketActionResult>();
  const busy = fetcher.state !== 'idle';
  const result = fetcher.data?.intent === 'correctTriage' ? fetcher.data : undefined;
  const selectId = `triage-correct-${field}`;
  const shown = choices[field].find((choice) => choice.value === current)?.label ?? current ?? '—';
  return (
    <div className="triage-field" data-testid={`triage-field-${field}`}>
      <dt>{fieldLabel[field]}</dt>
      <dd>
        <span data-testid={`triage-value-${field}`}>{shown}</span>
        {correction ? (
          <span className="muted" data-testid={`triage-corrected-${field}`}>
            {' '}
            (corrected by {correction.correctedByName ?? 'staff'}; triage said {correction.fromValue ?? 'nothing'})
          </span>
        ) : null}
        <fetcher.Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="correctTriage" />
          <input type="hidden" name="field" value={field} />
          <label htmlFor={selectId} className="visually-hidden">
            Correct {fieldLabel[field].toLowerCase()}
          </label>
          <select id={selectId} name="value" defaultValue={current ?? ''} key={current ?? ''}>
            {current === null ? <option value="">Choose…</option> : null}
            {choices[field].map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>{' '}
          <button type="submit" className="button secondary small" disabled={busy}>
            {busy ? 'Saving…' : `Correct ${fieldLabel[field].toLowerCase()}`}
          </button>
        </fetcher.Form>
        <FormError message={result?.ok === false ? (result.formError ?? Object.values(result.fieldErrors)[0]) : undefined} />
        <FormNotice message={result?.ok ? result.notice : undefined} />
      </dd>
    </div>
  );
}

export function TriagePanel({ ticket, triage, corrections }: { ticket: TicketDetails; triage: TriageResult | null; corrections: TriageCorrection[] }) {
  const correctionOf = (field: TriageField) => corrections.find((correction) => correction.field === field);
  return (
    <section className="card" aria-labelledby="triage-heading">
      <h2 id="triage-heading">AI triage</h2>
      {triage ? (
        <p className="provider-label" data-testid="provider-label">
          {providerLabel(triage.model)}
        </p>
      ) : (
        <p className="muted">{ticket.triageStatus === 'ai_failed' ? 'AI triage failed: handle this ticket manually.' : 'Not triaged yet.'}</p>
      )}
      <dl className="details">
        <CorrectionForm field="category" current={ticket.category} correction={correctionOf('category')} />
        <CorrectionForm field="urgency" current={ticket.urgency} correction={correctionOf('urgency')} />
        {triage ? <CorrectionForm field="sentiment" current={String(triage.sentimentScore)} correction={correctionOf('sentiment')} /> : null}
        {triage ? (
          <div>
            <dt>Confidence</dt>
            <dd>{Math.round(Number(triage.confidence) * 100)}%</dd>
          </div>
        ) : null}
      </dl>
      {triage?.reasoning ? <p className="muted" data-testid="triage-reasoning">{triage.reasoning}</p> : null}
      {triage?.modelDetails ? (
        // Behind a disclosure: the plain sentence above is what a technician needs; this is for checking the model.
        <details className="model-details" data-testid="triage-model-details">
          <summary>Model details</summary>
          <p className="muted">{triage.modelDetails}</p>
        </details>
      ) : null}
    </section>
  );
}
