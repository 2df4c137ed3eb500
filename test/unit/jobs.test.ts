import { describe, expect, it } from 'vitest';
import { pinJobId, parsePinJobData } from '../../src/core/jobs/ids';
import { generatePin, isGuessable } from '../../src/core/jobs/pin-code';
import { pinWindow } from '../../src/core/jobs/window';
import type { Reservation } from '../../src/core/store/records';
import type { Property } from '../../src/shared';

describe('PIN job ids', () => {
  it('are deterministic and use only characters BullMQ allows for custom ids', () => {
    const id = pinJobId('pin-create', {
      reservationId: 'r0a1b2c3d4e5f6a7',
      lockId: 'front_door-2',
      version: 3,
    });
    expect(id).toBe('create-r0a1b2c3d4e5f6a7-front_door-2-v3');
    expect(id).not.toContain(':');
    expect(id).not.toMatch(/^\d+$/);
    expect(
      pinJobId('pin-revoke', {
        reservationId: '123',
        lockId: '456',
        version: 1,
      }),
    ).toBe('revoke-123-456-v1');
  });

  it('differ by version so a changed stay gets new jobs', () => {
    const base = { reservationId: 'r1', lockId: 'l1' };
    expect(pinJobId('pin-create', { ...base, version: 1 })).not.toBe(
      pinJobId('pin-create', { ...base, version: 2 }),
    );
  });

  it('reject malformed job data read back from Redis', () => {
    expect(() =>
      parsePinJobData({ reservationId: 'r1', lockId: 'l1', version: '1' }),
    ).toThrow(/malformed/);
  });
});

describe('PIN window and job timing', () => {
  const property: Property = {
    id: 'p1',
    name: 'Cabin',
    timeZone: 'Europe/Lisbon',
    checkInTime: '15:00',
    checkOutTime: '11:00',
    leadMinutes: 60,
    graceMinutes: 15,
  };
  const reservation = {
    checkInMs: Date.parse('2027-05-01T14:00:00Z'),
    checkOutMs: Date.parse('2027-05-03T10:00:00Z'),
  } as Reservation;

  it('opens lead minutes before check-in and closes grace minutes after check-out', () => {
    const window = pinWindow(reservation, property);
    expect(new Date(window.validFromMs).toISOString()).toBe(
      '2027-05-01T13:00:00.000Z',
    );
    expect(new Date(window.validToMs).toISOString()).toBe(
      '2027-05-03T10:15:00.000Z',
    );
  });
});

describe('generatePin', () => {
  it('never returns a PIN already live on the lock', () => {
    // A random source that offers the taken PIN first, then another.
    const digits = [...'123456', ...'123456', ...'908172'].map(Number);
    let i = 0;
    const pin = generatePin(6, new Set(['123456']), () => digits[i++] ?? 0);
    expect(pin).toBe('908172');
  });

  it('has the requested length and only digits', () => {
    for (let n = 0; n < 50; n += 1)
      expect(generatePin(7, new Set())).toMatch(/^\d{7}$/);
  });

  it('skips trivially guessable codes', () => {
    expect(isGuessable('111111')).toBe(true);
    expect(isGuessable('1234567')).toBe(true);
    expect(isGuessable('987654')).toBe(true);
    expect(isGuessable('902817')).toBe(false);
  });
});

describe('sameWindow', () => {
  it('compares windows as a lock keeps them, in whole seconds', async () => {
    const { sameWindow } = await import('../../src/core/jobs/window');
    const walkIn = {
      validFromMs: 1_800_000_000_250,
      validToMs: 1_800_003_600_750,
    };
    const readBack = {
      validFromMs: 1_800_000_001_000,
      validToMs: 1_800_003_600_000,
    };
    expect(sameWindow(walkIn, readBack)).toBe(true);
    expect(
      sameWindow(walkIn, { ...readBack, validToMs: 1_800_003_601_000 }),
    ).toBe(false);
  });
});
