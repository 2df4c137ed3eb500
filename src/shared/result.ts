import type { ErrorCode } from './errors';

/** A problem with one input field, named by its dotted path. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The error half of every call that crosses IPC or HTTP. */
export interface CallError {
  code: ErrorCode;
  message: string;
  fields?: FieldProblem[];
}

/** Calls never throw across a process boundary; they return one of these. */
export type CallResult<T> =
  { ok: true; value: T } | { ok: false; error: CallError };
