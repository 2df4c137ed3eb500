/**
 * The fake cloud's clock, in ms since the epoch. It follows real time from
 * an offset, so a client on `Date.now` stays in step during a demo, while
 * tests jump it with `advance` and `set` and give the client `clock.now`.
 */
export interface FakeClock {
  now(): number;
  /** Moves the clock forward by `ms` (negative moves it back). */
  advance(ms: number): void;
  /** Sets the clock to the instant `ms` (ms since the epoch). */
  set(ms: number): void;
}

export function createFakeClock(startMs?: number): FakeClock {
  let offsetMs = startMs === undefined ? 0 : startMs - Date.now();
  return {
    now: () => Date.now() + offsetMs,
    advance: (ms) => {
      offsetMs += ms;
    },
    set: (ms) => {
      offsetMs = ms - Date.now();
    },
  };
}
