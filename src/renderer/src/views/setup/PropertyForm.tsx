import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useFormCall } from '../../hooks/useFormCall';
import { useLockstepStore } from '../../store';
import {
  PROPERTY_FIELDS,
  knownTimeZones,
  newPropertyValues,
  propertyToValues,
  valuesToPropertyInput,
  type PropertyValues,
} from './propertyValues';

const ZONES = knownTimeZones();
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Adds a property, or edits the one chosen in "Property to edit". */
export function PropertyForm() {
  const properties = useLockstepStore((s) => s.properties);
  const perform = useLockstepStore((s) => s.perform);
  const form = useFormCall(PROPERTY_FIELDS);
  const [editId, setEditId] = useState('');
  const [values, setValues] = useState(() => newPropertyValues(BROWSER_ZONE));
  const [saved, setSaved] = useState<string | null>(null);
  const set = (patch: Partial<PropertyValues>) =>
    setValues((v) => ({ ...v, ...patch }));

  const chooseProperty = (id: string): void => {
    const property = properties.find((p) => p.id === id);
    setEditId(property ? id : '');
    setValues(
      property ? propertyToValues(property) : newPropertyValues(BROWSER_ZONE),
    );
    setSaved(null);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = valuesToPropertyInput(values, editId || undefined);
    const property = await form.run(() => perform('properties:save', input));
    if (!property) return;
    setSaved(`Saved ${property.name}.`);
    setEditId(property.id);
  };

  const text = (key: keyof PropertyValues, label: string, type = 'text') => (
    <Field label={label} error={form.errors[key]}>
      {(c) => (
        <input
          {...c}
          type={type}
          value={values[key]}
          onChange={(e) => set({ [key]: e.target.value })}
          {...(key === 'timeZone' ? { list: 'time-zones' } : {})}
        />
      )}
    </Field>
  );

  return (
    <form
      className="card form"
      data-testid="property-form"
      aria-labelledby="property-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="property-heading">{editId ? 'Edit property' : 'Add property'}</h3>
      <Field label="Property to edit">
        {(c) => (
          <select
            {...c}
            value={editId}
            onChange={(e) => chooseProperty(e.target.value)}
          >
            <option value="">New property</option>
            {properties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('name', 'Name')}
      {text('timeZone', 'Time zone (IANA)')}
      <datalist id="time-zones">
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {text('checkInTime', 'Check-in time', 'time')}
      {text('checkOutTime', 'Check-out time', 'time')}
      {text('leadMinutes', 'PIN lead (minutes before check-in)', 'number')}
      {text('graceMinutes', 'Grace (minutes after check-out)', 'number')}
      <FormError text={form.formError} />
      <button type="submit" disabled={form.isBusy}>
        {editId ? 'Save property' : 'Add property'}
      </button>
      {saved ? <p role="status">{saved}</p> : null}
    </form>
  );
}
