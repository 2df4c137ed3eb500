import type { LockstepHandlers } from '../../shared';
import type { CoreContext } from '../context';

/** Problems and the audit log, newest first. */
export function journalHandlers(ctx: CoreContext): Pick<LockstepHandlers, 'problems:list' | 'audit:list'> {
  return {
    'problems:list': () => ctx.stores.journal.problems(),
    'audit:list': () => ctx.stores.journal.auditLog(),
  };
}
