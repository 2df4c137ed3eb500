import { describe, expect, it } from 'vitest';
import { toLockPin } from '../../src/core/locks/tuya/pin-state';

const base = {
  id: '77',
  name: 'ls-r1',
  effective_time: 1_800_000_000,
  invalid_time: 1_800_086_400,
};

describe('toLockPin', () => {
  it('turns seconds into ms and keeps id and name', () => {
    const pin = toLockPin({ ...base, phase: 2 });
    expect(pin).toMatchObject({
      passwordId: '77',
      name: 'ls-r1',
      state: 'active',
      validFromMs: 1_800_000_000_000,
      validToMs: 1_800_086_400_000,
    });
  });

  it.each([
    [1, undefined, 'pending'],
    [2, undefined, 'active'],
    [3, undefined, 'failed'],
    [0, undefined, 'missing'],
    [1, 1, 'pending'],
    [2, 2, 'active'],
    [1, 3, 'failed'],
    [1, 4, 'failed'],
    [1, 5, 'failed'],
    [1, 6, 'failed'],
    [0, 2, 'missing'],
  ])('phase %i with delivery %s is %s', (phase, delivery, state) => {
    const pin = toLockPin({
      ...base,
      phase,
      ...(delivery === undefined ? {} : { delivery_status: delivery }),
    });
    expect(pin.state).toBe(state);
    if (state !== 'active') expect(pin.detail).toMatch(/\w+ \w+/);
  });

  it('explains why a Wi-Fi PIN is still pending', () => {
    expect(toLockPin({ ...base, phase: 1 }).detail).toMatch(/wake/);
  });

  it('explains a full Zigbee lock', () => {
    const pin = toLockPin({ ...base, phase: 1, delivery_status: 5 });
    expect(pin.detail).toMatch(/full/);
  });
});
