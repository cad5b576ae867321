// /admin: how often triage's category and urgency stood, from staff corrections (issue 15): accuracy per value and a
// confusion matrix per field — rows are what triage said, columns what a person corrected it to (the diagonal is
// "triage was right"). Plain tables with row and column headers, so they read the same with a screen reader.
import { percent } from '~/lib/shared/format-figures';
import { cellCount, overallAccuracy, type TriageAccuracy, type TriageFieldFigures } from '~/lib/shared/triage-accuracy';

const valueLabel: Record<string, string> = {
  billing: 'Billing',
  technical: 'Technical',
  feature_request: 'Feature request',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
const label = (value: string) => valueLabel[value] ?? value;

function FieldAccuracy({ field, title, figures }: { field: string; title: string; figures: TriageFieldFigures }) {
  const accuracy = overallAccuracy(figures);
  return (
    <div className="triage-accuracy-field" data-testid={`triage-accuracy-${field}`}>
      <h3 id={`triage-accuracy-${field}-title`}>
        {title}: {accuracy === null ? 'nothing triaged yet' : `${percent(accuracy)} right`}
      </h3>
      <table className="data-table">
        <caption>{title} accuracy per value triage gave</caption>
        <thead>
          <tr>
            <th scope="col">Triage said</th>
            <th scope="col">Tickets</th>
            <th scope="col">Left as is</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {figures.perValue.map((row) => (
            <tr key={row.said}>
              <th scope="row">{label(row.said)}</th>
              <td>{row.total}</td>
              <td>{row.correct}</td>
              <td data-testid={`accuracy-${field}-${row.said}`}>{percent(row.total === 0 ? null : row.correct / row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table confusion-matrix" data-testid={`confusion-${field}`}>
        <caption>{title}: triage said (rows) against what a person corrected it to (columns)</caption>
        <thead>
          <tr>
            <td />
            {figures.values.map((value) => (
              <th key={value} scope="col">
                Corrected to {label(value)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.values.map((said) => (
            <tr key={said}>
              <th scope="row">Triage said {label(said)}</th>
              {figures.values.map((final) => (
                <td key={final} data-testid={`confusion-${field}-${said}-${final}`} className={said === final ? 'confusion-diagonal' : undefined}>
                  {cellCount(figures, said, final)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TriageAccuracyFigures({ figures }: { figures: TriageAccuracy }) {
  return (
    <section className="dashboard" aria-labelledby="triage-accuracy-title" data-testid="triage-accuracy">
      <h2 id="triage-accuracy-title">Triage accuracy over {figures.days} days</h2>
      <p className="muted">
        From {figures.corrections} correction{figures.corrections === 1 ? '' : 's'} by technicians; a ticket nobody corrected counts as right.
      </p>
      <FieldAccuracy field="category" title="Category" figures={figures.fields.category} />
      <FieldAccuracy field="urgency" title="Urgency" figures={figures.fields.urgency} />
    </section>
  );
}
