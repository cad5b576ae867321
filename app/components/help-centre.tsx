// Pieces of the public help centre (/help, /help/<slug>): topic cards, "Was this helpful?" and "Still need help?".
import { Link, useFetcher } from '@remix-run/react';
import { useState } from 'react';
import { assistantQuestionParam, generalAreaSlug, type HelpTopic } from '~/lib/shared/help-centre';

/** One card per solution area and category, each leading to that topic's list of articles. */
export function TopicCards({ topics }: { topics: HelpTopic[] }) {
  return (
    <ul className="help-topic-grid" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topicHref(topic)} className="help-topic-card" data-testid="help-topic-card">
          <Link to={topicHref(topic)} className="help-topic-link">
            <span className="help-topic-area">{topic.areaName}</span>
            <span className="help-topic-title">{topic.categoryLabel}</span>
            <span className="help-topic-count">{topic.articleCount === 1 ? '1 article' : `${topic.articleCount} articles`}</span>
          </Link>
          <ul className="help-topic-samples">
            {topic.sampleTitles.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The /help address of a topic's filtered list. */
export function topicHref(topic: { areaSlug: string | null; category: string }): string {
  const search = new URLSearchParams({ area: topic.areaSlug ?? generalAreaSlug, category: topic.category });
  return `/help?${search}`;
}

/** "Still need help?": hands the question to the assistant (a new conversation on /app, the question filled in). */
export function StillNeedHelp({ question, signedIn }: { question: string; signedIn: boolean }) {
  const search = new URLSearchParams({ [assistantQuestionParam]: question });
  return (
    <section className="help-still-need" aria-labelledby="still-need-help-heading">
      <h2 id="still-need-help-heading">Still need help?</h2>
      <p>Ask our assistant: it answers from these articles and can hand you to a technician.</p>
      <Link className="button" to={`/app?${search}`}>
        Ask the assistant
      </Link>
      {signedIn ? null : <p className="help-excerpt">You will be asked to sign in first; your question is kept.</p>}
    </section>
  );
}

interface VoteResult {
  voted?: { helpful: boolean };
  formError?: string;
}

/** "Was this helpful?": yes or no, then an optional comment; a signed-in person sees and may change their answer. */
export function HelpfulVote({ ownVote }: { ownVote: { helpful: boolean; comment: string | null } | null }) {
  const fetcher = useFetcher<VoteResult>();
  const [choice, setChoice] = useState<boolean | null>(ownVote?.helpful ?? null);
  const busy = fetcher.state !== 'idle';
  const recorded = fetcher.data?.voted ?? (ownVote ? { helpful: ownVote.helpful } : undefined);
  return (
    <section className="help-vote" aria-labelledby="helpful-heading">
      <h2 id="helpful-heading">Was this helpful?</h2>
      <fetcher.Form method="post" className="help-vote-form">
        <input type="hidden" name="intent" value="vote" />
        <div className="help-vote-choices" role="group" aria-label="Was this helpful?">
          <button type="submit" name="helpful" value="yes" className={`button ${choice === true ? '' : 'secondary'}`} aria-pressed={choice === true} disabled={busy} onClick={() => setChoice(true)}>
            Yes
          </button>
          <button type="submit" name="helpful" value="no" className={`button ${choice === false ? '' : 'secondary'}`} aria-pressed={choice === false} disabled={busy} onClick={() => setChoice(false)}>
            No
          </button>
        </div>
        {choice !== null ? (
          <div className="field">
            <label htmlFor="helpful-comment">{choice ? 'Anything we could add? (optional)' : 'What were you looking for? (optional)'}</label>
            <textarea id="helpful-comment" name="comment" rows={2} maxLength={1000} defaultValue={ownVote?.comment ?? ''} />
            <button type="submit" name="helpful" value={choice ? 'yes' : 'no'} className="button secondary small" disabled={busy}>
              Send comment
            </button>
          </div>
        ) : null}
      </fetcher.Form>
      <div aria-live="polite">
        {fetcher.data?.formError ? (
          <p className="field-error" role="alert">
            {fetcher.data.formError}
          </p>
        ) : recorded ? (
          <p className="form-notice" data-testid="helpful-thanks">
            Thanks for telling us{recorded.helpful ? ': glad it helped.' : '. We will use it to improve this article.'}
          </p>
        ) : null}
      </div>
    </section>
  );
}
