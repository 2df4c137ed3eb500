import { useState } from 'react';
import type { FeedView, ImportSummary } from '../../../../shared';
import { ConfirmButton } from '../../components/ConfirmButton';
import { LoadError } from '../../components/LoadError';
import { ZonedTime } from '../../components/ZonedTime';
import { useAction } from '../../hooks/useAction';
import { useLockstepStore } from '../../store';
import { SOURCE_LABELS } from './FeedForm';
import { SyncSummary } from './SyncSummary';

/** Feed health with "Sync now" and the summary of the last sync. */
export function FeedList() {
  const feeds = useLockstepStore((s) => s.feeds);
  const properties = useLockstepStore((s) => s.properties);
  const act = useAction();
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [syncingId, setSyncingId] = useState<string | null>(null);
  const propertyName = (feed: FeedView) =>
    properties.find((p) => p.id === feed.propertyId)?.name ?? feed.propertyId;

  const sync = async (id: string): Promise<void> => {
    setSyncingId(id);
    setSummary(null);
    const result = await act('feeds:sync', { id });
    setSyncingId(null);
    if (result.ok) setSummary(result.value);
  };

  return (
    <section aria-labelledby="feeds-heading">
      <h3 id="feeds-heading">Feeds</h3>
      <LoadError list="feeds" />
      {feeds.length === 0 ? <p className="muted">No feeds yet.</p> : null}
      {feeds.length > 0 ? (
        <table className="grid" data-testid="feeds-table">
          <thead>
            <tr>
              <th>Property</th>
              <th>Source</th>
              <th>URL or file</th>
              <th>Last good fetch</th>
              <th>Last imported</th>
              <th>Last error</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {feeds.map((feed) => (
              <tr key={feed.id} data-testid="feed-row" data-feed-id={feed.id}>
                <td>{propertyName(feed)}</td>
                <td>{SOURCE_LABELS[feed.source]}</td>
                <td className="url">{feed.url}</td>
                <td>
                  {feed.lastGoodFetchMs === null ? (
                    'Never'
                  ) : (
                    <ZonedTime ms={feed.lastGoodFetchMs} />
                  )}
                </td>
                <td className="num">{feed.lastImported}</td>
                <td className="reason">{feed.lastError ?? ''}</td>
                <td className="actions">
                  <button
                    type="button"
                    disabled={syncingId !== null}
                    onClick={() => void sync(feed.id)}
                  >
                    {syncingId === feed.id ? 'Syncing…' : 'Sync now'}
                  </button>
                  <ConfirmButton
                    label="Remove"
                    question="Remove this feed?"
                    confirmLabel="Yes, remove"
                    onConfirm={async () => {
                      await act('feeds:remove', { id: feed.id });
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {summary ? <SyncSummary summary={summary} /> : null}
    </section>
  );
}
