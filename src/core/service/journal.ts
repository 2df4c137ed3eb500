import type { LockstepHandlers } from '../../shared';
import type { CoreContext } from '../context';
import { planReconcile, reconcile } from '../reconcile';

/** Problems, the audit log (newest first) and the reconciler's plan. */
export function journalHandlers(
  ctx: CoreContext,
  actor: string,
): Pick<
  LockstepHandlers,
  'problems:list' | 'audit:list' | 'reconcile:plan' | 'reconcile:apply'
> {
  return {
    'reconcile:plan': () => planReconcile(ctx),
    'reconcile:apply': () => reconcile(ctx, actor),
    'problems:list': () => ctx.stores.journal.problems(),
    'audit:list': () => ctx.stores.journal.auditLog(),
  };
}
