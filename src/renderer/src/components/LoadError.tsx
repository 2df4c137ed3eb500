import { useLockstepStore, type ListKey } from '../store';

/** Why a list could not be read, shown above the stale copy. */
export function LoadError({ list }: { list: ListKey }) {
  const text = useLockstepStore((s) => s.loadErrors[list]);
  if (!text) return null;
  return (
    <p className="banner banner-error" role="alert">
      Could not load {list}: {text}
    </p>
  );
}
