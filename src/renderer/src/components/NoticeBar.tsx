import { useLockstepStore } from '../store';

/** The last failed action, in words, until the host dismisses it. */
export function NoticeBar() {
  const notice = useLockstepStore((s) => s.notice);
  const dismiss = useLockstepStore((s) => s.dismissNotice);
  if (!notice) return null;

  return (
    <div className="banner banner-error" role="alert" data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
