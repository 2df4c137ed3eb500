import { useState, type FormEvent } from 'react';
import {
  LOCK_LINKS,
  LOCK_PROVIDERS,
  type LockDeviceView,
  type LockLink,
  type LockProviderKind,
} from '../../../../shared';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useFormCall } from '../../hooks/useFormCall';
import { useLockstepStore } from '../../store';
import { DevicePicker } from './DevicePicker';
import { deviceFields } from './lockDevice';
import { PropertySelect } from './PropertySelect';

const FIELDS = ['propertyId', 'name', 'provider', 'link', 'deviceId'] as const;
const PROVIDER_LABELS: Record<LockProviderKind, string> = {
  simulated: 'Simulated (demo)',
  tuya: 'Tuya cloud',
};
const LINK_LABELS: Record<LockLink, string> = {
  wifi: 'Wi-Fi',
  zigbee: 'Zigbee',
  bluetooth: 'Bluetooth',
};

/** Adds a lock to a property. */
export function LockForm() {
  const perform = useLockstepStore((s) => s.perform);
  const form = useFormCall(FIELDS);
  const [propertyId, setPropertyId] = useState('');
  const [name, setName] = useState('');
  const [provider, setProvider] = useState<LockProviderKind>('simulated');
  const [link, setLink] = useState<LockLink>('wifi');
  const [deviceId, setDeviceId] = useState('');
  const [saved, setSaved] = useState<string | null>(null);

  const pick = (device: LockDeviceView): void => {
    const fields = deviceFields(device, name);
    setDeviceId(fields.deviceId);
    setName(fields.name);
    setLink(fields.link);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(null);
    const input = {
      propertyId,
      name,
      provider,
      link,
      ...(deviceId.trim() ? { deviceId } : {}),
    };
    const lock = await form.run(() => perform('locks:save', input));
    if (!lock) return;
    setSaved(`Added ${lock.name}.`);
    setName('');
    setDeviceId('');
  };

  return (
    <form
      className="card form"
      data-testid="lock-form"
      aria-labelledby="lock-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="lock-heading">Add lock</h3>
      <Field label="Property" error={form.errors.propertyId}>
        {(c) => (
          <PropertySelect
            control={c}
            value={propertyId}
            onChange={setPropertyId}
          />
        )}
      </Field>
      <Field label="Lock name" error={form.errors.name}>
        {(c) => (
          <input
            {...c}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field label="Provider" error={form.errors.provider}>
        {(c) => (
          <select
            {...c}
            value={provider}
            onChange={(e) => setProvider(e.target.value as LockProviderKind)}
          >
            {LOCK_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABELS[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {provider === 'tuya' ? <DevicePicker onPick={pick} /> : null}
      <Field label="Connection" error={form.errors.link}>
        {(c) => (
          <select
            {...c}
            value={link}
            onChange={(e) => setLink(e.target.value as LockLink)}
          >
            {LOCK_LINKS.map((l) => (
              <option key={l} value={l}>
                {LINK_LABELS[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Device ID"
        error={form.errors.deviceId}
        hint="The lock's ID in the Tuya app; not needed for simulated locks."
      >
        {(c) => (
          <input
            {...c}
            value={deviceId}
            onChange={(e) => setDeviceId(e.target.value)}
          />
        )}
      </Field>
      <FormError text={form.formError} />
      <button type="submit" disabled={form.isBusy}>
        Add lock
      </button>
      {saved ? <p role="status">{saved}</p> : null}
    </form>
  );
}
