import { useState } from 'react';
import type { ReconcilePlan } from '../../../../shared';
import { useAction } from '../../hooks/useAction';

/**
 * Compares stays, queues and locks and shows what a repair would change
 * before the host applies it.
 */
export function ReconcilePanel() {
  const act = useAction();
  const [plan, setPlan] = useState<ReconcilePlan | null>(null);
  const [isApplied, setApplied] = useState(false);
  const [isBusy, setBusy] = useState(false);

  const run = async (channel: 'reconcile:plan' | 'reconcile:apply') => {
    setBusy(true);
    const result = await act(channel, {});
    setBusy(false);
    if (!result.ok) return;
    setPlan(result.value);
    setApplied(channel === 'reconcile:apply');
  };

  const total = plan
    ? plan.create + plan.revoke + plan.move + plan.removeJobs
    : 0;

  return (
    <section className="card" aria-labelledby="reconcile-heading">
      <h3 id="reconcile-heading">Check PINs against stays and locks</h3>
      <button
        type="button"
        disabled={isBusy}
        onClick={() => void run('reconcile:plan')}
      >
        Check now
      </button>
      {plan ? (
        <div data-testid="reconcile-plan" role="status">
          <p>{describePlan(plan, isApplied)}</p>
          {plan.steps.length > 0 ? (
            <ul>
              {plan.steps.map((step, index) => (
                <li key={index}>{step.detail}</li>
              ))}
            </ul>
          ) : null}
          {!isApplied && total > 0 ? (
            <button
              type="button"
              disabled={isBusy}
              onClick={() => void run('reconcile:apply')}
            >
              Repair now
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function describePlan(plan: ReconcilePlan, isApplied: boolean): string {
  const { create, revoke, move, removeJobs } = plan;
  if (create + revoke + move + removeJobs === 0) {
    return 'Everything is in step; nothing to repair.';
  }
  return isApplied
    ? `Repaired: created ${create}, revoked ${revoke}, moved ${move} PINs and removed ${removeJobs} stale jobs.`
    : `A repair would create ${create}, revoke ${revoke} and move ${move} PINs and remove ${removeJobs} stale jobs.`;
}
