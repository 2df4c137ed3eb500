import { describeError, type CallError } from '../../../shared';

/** The sentence a host reads for a failed call. */
export function describeCallError(error: CallError): string {
  return describeError(error.code, error.message);
}

/**
 * Field problems keyed by the form field they belong to. `aliases` maps a
 * contract field path (for example `endsAtMs`) to the form's own field name;
 * the first problem for a field wins.
 */
export function fieldErrors(
  error: CallError,
  aliases: Record<string, string> = {},
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const problem of error.fields ?? []) {
    const field = aliases[problem.field] ?? problem.field;
    byField[field] ??= problem.message;
  }
  return byField;
}

/**
 * What a form shows above its fields: the call's sentence, unless every
 * problem already sits beside a field the form has.
 */
export function formLevelError(
  error: CallError,
  formFields: readonly string[],
  aliases: Record<string, string> = {},
): string | null {
  const shown = Object.keys(fieldErrors(error, aliases));
  const isAllShown =
    shown.length > 0 &&
    (error.fields ?? []).length > 0 &&
    shown.every((field) => formFields.includes(field));
  if (isAllShown) return describeError(error.code);
  return describeCallError(error);
}
