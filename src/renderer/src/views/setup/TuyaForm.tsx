import { useState, type FormEvent } from 'react';
import { TUYA_REGION_NAMES, type SettingsView } from '../../../../shared';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useFormCall } from '../../hooks/useFormCall';
import { useLockstepStore } from '../../store';
import { TuyaTest } from './TuyaTest';
import {
  REGION_LABELS,
  TUYA_FIELDS,
  buildTuyaInput,
  canKeepSecret,
  changeRegion,
  tuyaToValues,
  type TuyaRegion,
  type TuyaValues,
} from './tuyaValues';

type StoredTuya = SettingsView['tuya'];

function secretPlaceholder(stored: StoredTuya): string {
  if (canKeepSecret(stored)) return 'stored — leave empty to keep';
  if (stored?.hasSecret) return 'set in the config file — enter one to save';
  return '';
}

/**
 * Tuya cloud project credentials, data center and optional address.
 * `stored` is what the core holds now; the secret itself never comes back.
 */
export function TuyaForm({ stored }: { stored: StoredTuya }) {
  const perform = useLockstepStore((s) => s.perform);
  const form = useFormCall(TUYA_FIELDS);
  const [values, setValues] = useState(() => tuyaToValues(stored));
  const [saved, setSaved] = useState<string | null>(null);
  const set = (patch: Partial<TuyaValues>) =>
    setValues((v) => ({ ...v, ...patch }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(null);
    const built = buildTuyaInput(values, stored);
    if (!built.ok) return form.reject(built.errors);
    const view = await form.run(() =>
      perform('settings:saveTuya', built.input),
    );
    if (!view) return;
    setValues(tuyaToValues(view.tuya));
    setSaved('Saved the lock cloud credentials.');
  };

  return (
    <form
      className="card form"
      data-testid="tuya-form"
      aria-labelledby="tuya-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="tuya-heading">Lock cloud (Tuya)</h3>
      {stored?.origin === 'config' ? (
        <p className="banner banner-warn" data-testid="tuya-origin">
          These credentials come from the configuration file. Saving here stores
          panel credentials that are used instead.
        </p>
      ) : null}
      <Field label="Access ID" error={form.errors.accessId}>
        {(c) => (
          <input
            {...c}
            autoComplete="off"
            value={values.accessId}
            onChange={(e) => set({ accessId: e.target.value })}
          />
        )}
      </Field>
      <Field label="Access secret" error={form.errors.accessSecret}>
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="new-password"
            placeholder={secretPlaceholder(stored)}
            value={values.accessSecret}
            onChange={(e) => set({ accessSecret: e.target.value })}
          />
        )}
      </Field>
      <Field label="Data center" error={form.errors.region}>
        {(c) => (
          <select
            {...c}
            value={values.region}
            onChange={(e) =>
              setValues((v) =>
                changeRegion(v, e.target.value as TuyaRegion, stored),
              )
            }
          >
            {TUYA_REGION_NAMES.map((r) => (
              <option key={r} value={r}>
                {REGION_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <details open={Boolean(form.errors.baseUrl)}>
        <summary>Advanced</summary>
        <Field
          label="Custom API address"
          error={form.errors.baseUrl}
          hint="Leave empty to use the data center's own address."
        >
          {(c) => (
            <input
              {...c}
              inputMode="url"
              value={values.baseUrl}
              onChange={(e) => set({ baseUrl: e.target.value })}
            />
          )}
        </Field>
      </details>
      <FormError text={form.formError} />
      <button type="submit" disabled={form.isBusy}>
        Save
      </button>
      {saved ? <p role="status">{saved}</p> : null}
      <TuyaTest />
    </form>
  );
}
