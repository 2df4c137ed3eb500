import { TABS, useLockstepStore, type TabId } from '../store';

const TAB_LABELS: Record<TabId, string> = {
  stays: 'Stays',
  jobs: 'Jobs',
  locks: 'Locks',
  setup: 'Setup',
  problems: 'Problems',
};

/** The view switcher; Problems shows how many need attention. */
export function TabBar() {
  const tab = useLockstepStore((s) => s.tab);
  const setTab = useLockstepStore((s) => s.setTab);
  const problemCount = useLockstepStore((s) => s.problems.length);

  return (
    <nav className="tabs" role="tablist" aria-label="Views">
      {TABS.map((id) => (
        <button
          key={id}
          id={`tab-${id}`}
          type="button"
          role="tab"
          aria-selected={tab === id}
          aria-controls={`panel-${id}`}
          data-testid={`tab-${id}`}
          className={tab === id ? 'tab tab-active' : 'tab'}
          onClick={() => setTab(id)}
        >
          {TAB_LABELS[id]}
          {id === 'problems' && problemCount > 0 ? (
            <span className="tab-count">{problemCount}</span>
          ) : null}
        </button>
      ))}
    </nav>
  );
}
