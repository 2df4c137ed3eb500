import { useState } from 'react';
import type { LockDeviceView } from '../../../../shared';
import { Field } from '../../components/Field';
import { describeCallError } from '../../lib/errors';
import { useLockstepStore } from '../../store';
import { deviceLabel } from './lockDevice';

interface DevicePickerProps {
  onPick: (device: LockDeviceView) => void;
}

/** "Pick a device": lists the Tuya project's devices to choose a lock from. */
export function DevicePicker({ onPick }: DevicePickerProps) {
  const perform = useLockstepStore((s) => s.perform);
  const [devices, setDevices] = useState<LockDeviceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [chosenId, setChosenId] = useState('');

  const load = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await perform('locks:devices', {});
      if (result.ok) setDevices(result.value);
      else setError(describeCallError(result.error));
    } finally {
      setBusy(false);
    }
  };

  const choose = (deviceId: string): void => {
    setChosenId(deviceId);
    const device = devices?.find((d) => d.deviceId === deviceId);
    if (device) onPick(device);
  };

  return (
    <div className="device-picker">
      <button type="button" disabled={isBusy} onClick={() => void load()}>
        {isBusy ? 'Loading devices…' : 'Pick a device'}
      </button>
      {error ? (
        <p className="form-error" role="alert" data-testid="device-error">
          {error}
        </p>
      ) : null}
      {devices?.length === 0 ? (
        <p className="muted">The Tuya project has no devices.</p>
      ) : null}
      {devices && devices.length > 0 ? (
        <Field label="Tuya device">
          {(c) => (
            <select
              {...c}
              data-testid="device-picker"
              value={chosenId}
              onChange={(e) => choose(e.target.value)}
            >
              <option value="">Choose…</option>
              {devices.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {deviceLabel(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </div>
  );
}
