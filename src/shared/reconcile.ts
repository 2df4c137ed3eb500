/** What the reconciler would change, shown before it is applied. */

export interface ReconcileStep {
  action: 'create' | 'revoke' | 'move' | 'remove-job';
  detail: string;
  reservationId?: string;
  lockId?: string;
  passwordId?: string;
  queue?: 'pin-create' | 'pin-revoke';
  jobId?: string;
}

/** "Will create 2, revoke 1, move 1": what reconciling now would change. */
export interface ReconcilePlan {
  create: number;
  revoke: number;
  move: number;
  removeJobs: number;
  steps: ReconcileStep[];
}
