import { useState } from 'react';
import { describeCallError } from '../../lib/errors';
import { useLockstepStore } from '../../store';
import { describeConnectionCheck } from './tuyaValues';

interface Outcome {
  isOk: boolean;
  text: string;
}

/** "Test connection": signs in with the saved credentials, says how it went. */
export function TuyaTest() {
  const perform = useLockstepStore((s) => s.perform);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isBusy, setBusy] = useState(false);

  const test = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await perform('settings:testTuya', {});
      if (!result.ok) {
        setOutcome({ isOk: false, text: describeCallError(result.error) });
        return;
      }
      const check = result.value;
      setOutcome({ isOk: check.ok, text: describeConnectionCheck(check) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tuya-test">
      <button type="button" disabled={isBusy} onClick={() => void test()}>
        {isBusy ? 'Testing…' : 'Test connection'}
      </button>
      {outcome ? (
        <p
          className={outcome.isOk ? 'test-ok' : 'form-error'}
          data-testid="tuya-test-result"
          data-ok={outcome.isOk}
          role={outcome.isOk ? 'status' : 'alert'}
        >
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
