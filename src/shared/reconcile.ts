/** What the reconciler would change, shown before it is applied. */

export interface ReconcileStep {
  /** `report`: a PIN of a stay this installation does not know, left for the host. */
  action: 'create' | 'revoke' | 'move' | 'remove-job' | 'report';
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
  /** PINs named for stays unknown here (another installation, lost data). */
  unknownPins: number;
  steps: ReconcileStep[];
}
