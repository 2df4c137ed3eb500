import { useLockstepStore } from '../store';

/** Whether a lock is simulated; demo mode marks every lock as simulated. */
export function useIsSimulated(): (lockId: string) => boolean {
  const locks = useLockstepStore((s) => s.locks);
  const isDemoMode = useLockstepStore((s) => s.info?.isDemoMode ?? false);
  return (lockId) =>
    isDemoMode || (locks.find((l) => l.id === lockId)?.isSimulated ?? false);
}
