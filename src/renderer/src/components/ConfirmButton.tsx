import { useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  /** The question shown before acting, for example "Cancel this stay?". */
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  testId?: string;
}

/**
 * A destructive action that asks first, inline rather than in a modal
 * dialog, so it reads the same in Electron and in a browser.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [isAsking, setAsking] = useState(false);
  const [isBusy, setBusy] = useState(false);

  if (!isAsking) {
    return (
      <button
        type="button"
        className="danger"
        data-testid={props.testId}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <span className="confirm" role="group" aria-label={props.question}>
      <span>{props.question}</span>
      <button
        type="button"
        className="danger"
        disabled={isBusy}
        onClick={() => void confirm()}
      >
        {props.confirmLabel}
      </button>
      <button type="button" disabled={isBusy} onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}
