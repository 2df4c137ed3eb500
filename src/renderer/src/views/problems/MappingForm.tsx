import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useFormCall } from '../../hooks/useFormCall';
import { useLockstepStore } from '../../store';
import { PropertySelect } from '../setup/PropertySelect';

const FIELDS = ['propertyId', 'accommodationId'] as const;

/**
 * Tells Lockstep which property a PMS accommodation is, so the webhook
 * events held for it are replayed.
 */
export function MappingForm({ accommodationId }: { accommodationId: string }) {
  const perform = useLockstepStore((s) => s.perform);
  const form = useFormCall(FIELDS);
  const [propertyId, setPropertyId] = useState('');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await form.run(() =>
      perform('webhooks:map', { accommodationId, propertyId }),
    );
  };

  return (
    <form
      className="card form"
      data-testid="mapping-form"
      data-accommodation-id={accommodationId}
      onSubmit={(e) => void submit(e)}
    >
      <p>
        Webhook events for PMS accommodation <code>{accommodationId}</code> are
        held until you say which property it is.
      </p>
      <Field
        label={`Property for ${accommodationId}`}
        error={form.errors.propertyId ?? form.errors.accommodationId}
      >
        {(c) => (
          <PropertySelect
            control={c}
            value={propertyId}
            onChange={setPropertyId}
          />
        )}
      </Field>
      <FormError text={form.formError} />
      <button type="submit" disabled={form.isBusy}>
        Map and replay
      </button>
    </form>
  );
}
