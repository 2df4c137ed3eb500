import { useState, type FormEvent } from 'react';
import { FEED_SOURCES, type FeedSource } from '../../../../shared';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useFormCall } from '../../hooks/useFormCall';
import { useLockstepStore } from '../../store';
import { PropertySelect } from './PropertySelect';

const FIELDS = ['propertyId', 'url', 'source', 'intervalMinutes'] as const;
export const SOURCE_LABELS: Record<FeedSource, string> = {
  airbnb: 'Airbnb',
  vrbo: 'VRBO',
  booking: 'Booking.com',
  other: 'Other',
};

/** Adds a reservation calendar feed (iCal URL or file) to a property. */
export function FeedForm() {
  const perform = useLockstepStore((s) => s.perform);
  const form = useFormCall(FIELDS);
  const [propertyId, setPropertyId] = useState('');
  const [url, setUrl] = useState('');
  const [source, setSource] = useState<FeedSource>('airbnb');
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(null);
    const input = { propertyId, url, source };
    const feed = await form.run(() => perform('feeds:save', input));
    if (!feed) return;
    setSaved(`Added the ${SOURCE_LABELS[feed.source]} feed.`);
    setUrl('');
  };

  return (
    <form
      className="card form"
      data-testid="feed-form"
      aria-labelledby="feed-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="feed-heading">Add feed</h3>
      <Field label="Property" error={form.errors.propertyId}>
        {(c) => (
          <PropertySelect
            control={c}
            value={propertyId}
            onChange={setPropertyId}
          />
        )}
      </Field>
      <Field
        label="Feed URL or file path"
        error={form.errors.url}
        hint="An https:// calendar link, or a file path on the machine that runs the workers."
      >
        {(c) => (
          <input {...c} value={url} onChange={(e) => setUrl(e.target.value)} />
        )}
      </Field>
      <Field label="Source" error={form.errors.source}>
        {(c) => (
          <select
            {...c}
            value={source}
            onChange={(e) => setSource(e.target.value as FeedSource)}
          >
            {FEED_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError text={form.formError} />
      <button type="submit" disabled={form.isBusy}>
        Add feed
      </button>
      {saved ? <p role="status">{saved}</p> : null}
    </form>
  );
}
