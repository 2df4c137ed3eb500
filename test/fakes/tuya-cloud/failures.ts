/** Failures a test can queue for the next business calls. */
export type FailKind =
  | '5xx'
  | 'timeout'
  | 'http_429'
  | '1010'
  | 'rate_limit'
  | 'quota'
  | 'permission';

export interface FailNextOptions {
  kind: FailKind;
  /** How many business calls fail this way; default 1. */
  times?: number;
}

/** Kinds answered before the signature is even looked at. */
export const TRANSPORT_KINDS: ReadonlySet<FailKind> = new Set([
  '5xx',
  'timeout',
  'http_429',
]);

/** A first-in-first-out plan of failures; token calls never consume it. */
export class FailurePlan {
  private readonly queue: { kind: FailKind; left: number }[] = [];

  add(options: FailNextOptions): void {
    const left = options.times ?? 1;
    if (left > 0) this.queue.push({ kind: options.kind, left });
  }

  take(): FailKind | undefined {
    const head = this.queue[0];
    if (!head) return undefined;
    head.left -= 1;
    if (head.left === 0) this.queue.shift();
    return head.kind;
  }
}
