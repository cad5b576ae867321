// A list of guides to choose from, each a button that starts a guided-fix session on it with the customer's
// description and vehicle: used when a match is weak and after "this isn't my problem".
import { Form } from '@remix-run/react';

export interface GuideChoiceOption {
  guideId: string;
  title: string;
  description: string;
}

export function GuideChoiceList({ guides, description, vehicle, disabled = false }: { guides: GuideChoiceOption[]; description: string; vehicle: string; disabled?: boolean }) {
  return (
    <ul className="guide-choices">
      {guides.map((guide) => (
        <li key={guide.guideId}>
          <Form method="post" action="/app/troubleshoot?index">
            <input type="hidden" name="intent" value="start" />
            <input type="hidden" name="description" value={description} />
            <input type="hidden" name="vehicle" value={vehicle} />
            <input type="hidden" name="guideId" value={guide.guideId} />
            <button type="submit" className="guide-choice" disabled={disabled}>
              <strong>{guide.title}</strong>
              {guide.description ? <span>{guide.description}</span> : null}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}
