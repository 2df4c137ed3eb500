import { LoadError } from '../../components/LoadError';
import { useLockstepStore } from '../../store';
import { TuyaForm } from './TuyaForm';

/**
 * "Lock cloud (Tuya)", shown once the stored settings have been read (or
 * could not be), so the form starts from what the core holds.
 */
export function TuyaSection() {
  const stored = useLockstepStore((s) => s.settings?.tuya ?? null);
  const isReady = useLockstepStore(
    (s) => s.loaded.settings === true || s.loadErrors.settings !== undefined,
  );
  return (
    <>
      <LoadError list="settings" />
      {isReady ? <TuyaForm stored={stored} /> : null}
    </>
  );
}
