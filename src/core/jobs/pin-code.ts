import { randomInt } from 'node:crypto';

/**
 * A random numeric PIN of `length` digits that is not among `taken` and not
 * trivially guessable (one repeated digit or a straight run like 1234567).
 */
export function generatePin(
  length: number,
  taken: ReadonlySet<string>,
  random: (max: number) => number = randomInt,
): string {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    let pin = '';
    for (let i = 0; i < length; i += 1) pin += String(random(10));
    if (!taken.has(pin) && !isGuessable(pin)) return pin;
  }
  throw new Error(`Could not find a free ${length}-digit PIN`);
}

export function isGuessable(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] ?? 0)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? 0);
}
