import type { ImportSummary } from '../../../../shared';

/** What one "Sync now" imported, and every event it rejected and why. */
export function SyncSummary({ summary }: { summary: ImportSummary }) {
  return (
    <div className="summary" data-testid="sync-summary" role="status">
      <p>
        <span data-testid="sync-imported">{summary.imported}</span> imported,{' '}
        <span data-testid="sync-updated">{summary.updated}</span> updated,{' '}
        <span data-testid="sync-skipped">{summary.skipped}</span> skipped.
      </p>
      {summary.problems.length > 0 ? (
        <ul className="problems">
          {summary.problems.map((p) => (
            <li key={p.id} data-testid="sync-problem">
              {p.subject}
              {p.field ? (
                <>
                  {' '}
                  (<code>{p.field}</code>)
                </>
              ) : null}
              : {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
