// "How did we do?" on a resolved ticket (issue 16): 1-5 and an optional comment, once. The database allows one
// rating per ticket and only by its customer; this form only asks.
import { useFetcher } from '@remix-run/react';
import { FormError, TextAreaField } from '~/components/form';
import type { CustomerTicketRating } from '~/lib/shared/views/customer-ticket-thread';
import type { CustomerTicketActionResult } from './customer-thread';

const ratingWords = ['Very unhappy', 'Unhappy', 'Okay', 'Happy', 'Very happy'] as const;

export function SatisfactionSurvey({ rating }: { rating: CustomerTicketRating | null }) {
  const rate = useFetcher<CustomerTicketActionResult>();
  if (rating) {
    return (
      <section className="card" aria-labelledby="rating-heading" id="rate" data-testid="ticket-rating">
        <h2 id="rating-heading">Your rating</h2>
        <p>
          {rating.rating} / 5 · {ratingWords[rating.rating - 1]}
        </p>
        {rating.comment ? <p className="pre-wrap">{rating.comment}</p> : null}
      </section>
    );
  }
  const error = rate.data?.intent === 'rate' ? rate.data : undefined;
  return (
    <section className="card" aria-labelledby="rating-heading" id="rate" data-testid="satisfaction-survey">
      <h2 id="rating-heading">How did we do?</h2>
      <rate.Form method="post" className="form">
        <input type="hidden" name="intent" value="rate" />
        <FormError message={error?.formError} />
        <fieldset aria-invalid={error?.fieldErrors['rating'] ? true : undefined} aria-describedby={error?.fieldErrors['rating'] ? 'rating-error' : undefined}>
          <legend>Rate the help you got on this ticket</legend>
          {ratingWords.map((word, index) => (
            <label key={word} className="rating-choice">
              <input type="radio" name="rating" value={index + 1} required /> {index + 1} · {word}
            </label>
          ))}
          {error?.fieldErrors['rating'] ? (
            <p className="field-error" id="rating-error">
              {error.fieldErrors['rating']}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField name="comment" idSuffix="rating" label="Comment (optional)" rows={2} maxLength={2_000} error={error?.fieldErrors['comment']} />
        <button type="submit" className="button" disabled={rate.state !== 'idle'}>
          {rate.state !== 'idle' ? 'Sending…' : 'Send rating'}
        </button>
      </rate.Form>
    </section>
  );
}
