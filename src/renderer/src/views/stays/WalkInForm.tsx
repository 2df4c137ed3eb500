import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useFormCall } from '../../hooks/useFormCall';
import { msToLocalInput } from '../../lib/zone';
import { useLockstepStore } from '../../store';
import { PropertySelect } from '../setup/PropertySelect';
import { buildWalkIn, defaultCheckOut, WALK_IN_ALIASES } from './walkIn';
import type { WalkInValues } from './walkIn';

const FIELDS = ['propertyId', 'guestName', 'startsAt', 'endsAt'] as const;
const EMPTY: WalkInValues = {
  propertyId: '',
  guestName: '',
  startMode: 'now',
  startsAt: '',
  endsAt: '',
};

/** Adds a walk-in guest whose PIN starts now or at a chosen local time. */
export function WalkInForm() {
  const properties = useLockstepStore((s) => s.properties);
  const perform = useLockstepStore((s) => s.perform);
  const form = useFormCall(FIELDS, WALK_IN_ALIASES);
  const [values, setValues] = useState<WalkInValues>(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const property = properties.find((p) => p.id === values.propertyId);
  const zone = property?.timeZone;
  const set = (patch: Partial<WalkInValues>) =>
    setValues((v) => ({ ...v, ...patch }));

  const chooseProperty = (propertyId: string): void => {
    const next = properties.find((p) => p.id === propertyId);
    const nowMs = Date.now();
    set({
      propertyId,
      ...(next
        ? {
            startsAt: msToLocalInput(nowMs, next.timeZone),
            endsAt: defaultCheckOut(nowMs, next.timeZone, next.checkOutTime),
          }
        : {}),
    });
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setAdded(null);
    const built = buildWalkIn(values, zone, Date.now());
    if (!built.ok) return form.reject(built.errors);
    const stay = await form.run(() =>
      perform('reservations:addWalkIn', built.input),
    );
    if (stay) {
      setAdded(`Added ${stay.guestName} at ${stay.propertyName}.`);
      setValues({ ...EMPTY, propertyId: values.propertyId });
    }
  };

  const zoneNote = zone ? ` (${zone})` : '';
  return (
    <form
      className="card form"
      data-testid="walkin-form"
      aria-labelledby="walkin-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="walkin-heading">Add walk-in</h3>
      <Field label="Property" error={form.errors.propertyId}>
        {(c) => (
          <PropertySelect
            control={c}
            value={values.propertyId}
            onChange={chooseProperty}
          />
        )}
      </Field>
      <Field label="Guest name" error={form.errors.guestName}>
        {(c) => (
          <input
            {...c}
            value={values.guestName}
            onChange={(e) => set({ guestName: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="field">
        <legend>PIN starts</legend>
        <label className="inline">
          <input
            type="radio"
            name="startMode"
            checked={values.startMode === 'now'}
            onChange={() => set({ startMode: 'now' })}
          />
          Now
        </label>
        <label className="inline">
          <input
            type="radio"
            name="startMode"
            checked={values.startMode === 'later'}
            onChange={() => set({ startMode: 'later' })}
          />
          At a chosen time
        </label>
      </fieldset>
      {values.startMode === 'later' ? (
        <Field label={`Starts at${zoneNote}`} error={form.errors.startsAt}>
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              value={values.startsAt}
              onChange={(e) => set({ startsAt: e.target.value })}
            />
          )}
        </Field>
      ) : null}
      <Field label={`Check-out${zoneNote}`} error={form.errors.endsAt}>
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            value={values.endsAt}
            onChange={(e) => set({ endsAt: e.target.value })}
          />
        )}
      </Field>
      <FormError text={form.formError} />
      <button type="submit" disabled={form.isBusy}>
        Add walk-in
      </button>
      {added ? <p role="status">{added}</p> : null}
    </form>
  );
}
