import { describe, expect, it } from 'vitest';
import { fieldErrors, formLevelError } from '../../src/renderer/src/lib/errors';
import {
  jobActions,
  visibleJobs,
} from '../../src/renderer/src/views/jobs/jobs';
import {
  valuesToPropertyInput,
  newPropertyValues,
} from '../../src/renderer/src/views/setup/propertyValues';
import {
  WALK_IN_ALIASES,
  buildWalkIn,
  defaultCheckOut,
  type WalkInValues,
} from '../../src/renderer/src/views/stays/walkIn';
import type { CallError, JobView } from '../../src/shared';

const NOW_MS = Date.UTC(2025, 6, 1, 9, 0);
const walkIn: WalkInValues = {
  propertyId: 'p1',
  guestName: 'Ana',
  startMode: 'now',
  startsAt: '',
  endsAt: '2025-07-02T11:00',
};

describe('buildWalkIn', () => {
  it('computes instants from wall times in the property zone', () => {
    const built = buildWalkIn(
      { ...walkIn, startMode: 'later', startsAt: '2025-07-01T18:30' },
      'America/New_York',
      NOW_MS,
    );
    expect(built).toEqual({
      ok: true,
      input: {
        propertyId: 'p1',
        guestName: 'Ana',
        startsAtMs: Date.UTC(2025, 6, 1, 22, 30),
        endsAtMs: Date.UTC(2025, 6, 2, 15, 0),
      },
    });
  });

  it('leaves the start out when the PIN should work now', () => {
    expect(buildWalkIn(walkIn, 'Europe/Lisbon', NOW_MS)).toStrictEqual({
      ok: true,
      input: {
        propertyId: 'p1',
        guestName: 'Ana',
        endsAtMs: Date.UTC(2025, 6, 2, 10, 0),
      },
    });
  });

  it('names the fields that stop it from computing an instant', () => {
    expect(
      buildWalkIn({ ...walkIn, propertyId: '' }, undefined, NOW_MS),
    ).toEqual({
      ok: false,
      errors: { propertyId: 'choose a property' },
    });
    const built = buildWalkIn(
      { ...walkIn, startMode: 'later', endsAt: '2025-06-30T11:00' },
      'Europe/Lisbon',
      NOW_MS,
    );
    expect(built.ok ? [] : Object.keys(built.errors).sort()).toEqual([
      'endsAt',
      'startsAt',
    ]);
  });

  it('refuses a check-out that is not after the start', () => {
    const built = buildWalkIn(
      { ...walkIn, endsAt: '2025-07-01T09:00' },
      'Europe/Lisbon',
      NOW_MS,
    );
    expect(built.ok ? '' : built.errors.endsAt).toContain('after');
  });
});

describe('defaultCheckOut', () => {
  it('is tomorrow in the property zone at its check-out time', () => {
    // 23:30 UTC on 1 July is already 2 July in Tokyo.
    const ms = Date.UTC(2025, 6, 1, 23, 30);
    expect(defaultCheckOut(ms, 'Asia/Tokyo', '10:00')).toBe('2025-07-03T10:00');
    expect(defaultCheckOut(ms, 'America/Denver', '11:00')).toBe(
      '2025-07-02T11:00',
    );
  });
});

describe('form errors', () => {
  const error: CallError = {
    code: 'invalid_input',
    message: 'endsAtMs: too early',
    fields: [{ field: 'endsAtMs', message: 'too early' }],
  };

  it('puts a contract field problem next to the form field it names', () => {
    expect(fieldErrors(error, WALK_IN_ALIASES)).toEqual({
      endsAt: 'too early',
    });
  });

  it('repeats the details above the form only when no field shows them', () => {
    expect(formLevelError(error, ['endsAt'], WALK_IN_ALIASES)).toBe(
      'Some fields need fixing.',
    );
    expect(formLevelError(error, ['guestName'], WALK_IN_ALIASES)).toContain(
      'too early',
    );
    const conflict: CallError = {
      code: 'conflict',
      message: 'PIN already used',
    };
    expect(formLevelError(conflict, ['name'])).toContain('PIN already used');
  });
});

describe('job helpers', () => {
  it('offers only the actions a job state allows', () => {
    expect(jobActions('delayed')).toEqual(['runNow', 'cancel']);
    expect(jobActions('waiting')).toEqual(['cancel']);
    expect(jobActions('failed')).toEqual(['retry', 'cancel']);
    expect(jobActions('active')).toEqual([]);
    expect(jobActions('completed')).toEqual([]);
  });

  it('filters by state and lists failed jobs first, then by run time', () => {
    const job = (
      id: string,
      state: JobView['state'],
      runAtMs: number,
    ): JobView => ({
      id,
      state,
      runAtMs,
      queue: 'pin-create',
      reservationId: 'r',
      lockId: 'l',
      guestName: 'g',
      attemptsMade: 0,
    });
    const jobs = [
      job('a', 'delayed', 3),
      job('b', 'failed', 9),
      job('c', 'delayed', 1),
    ];
    expect(visibleJobs(jobs, 'all').map((j) => j.id)).toEqual(['b', 'c', 'a']);
    expect(visibleJobs(jobs, 'delayed').map((j) => j.id)).toEqual(['c', 'a']);
  });
});

describe('property form values', () => {
  it('sends whole minutes as numbers and anything else as NaN', () => {
    const values = {
      ...newPropertyValues('Europe/Lisbon'),
      name: 'Flat',
      leadMinutes: '90',
    };
    expect(valuesToPropertyInput(values, 'p1')).toMatchObject({
      id: 'p1',
      leadMinutes: 90,
    });
    const bad = valuesToPropertyInput(
      { ...values, graceMinutes: '1.5' },
      undefined,
    );
    expect(bad.graceMinutes).toBeNaN();
    expect('id' in bad).toBe(false);
  });
});
