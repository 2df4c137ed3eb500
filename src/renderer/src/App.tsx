import { useEffect } from 'react';
import { Header } from './components/Header';
import { NoticeBar } from './components/NoticeBar';
import { TabBar } from './components/TabBar';
import { lockstepStore, useLockstepStore, type TabId } from './store';
import { JobsView } from './views/jobs/JobsView';
import { LocksView } from './views/locks/LocksView';
import { ProblemsView } from './views/problems/ProblemsView';
import { SetupView } from './views/setup/SetupView';
import { StaysView } from './views/stays/StaysView';

const VIEWS: Record<TabId, () => React.JSX.Element> = {
  stays: StaysView,
  jobs: JobsView,
  locks: LocksView,
  setup: SetupView,
  problems: ProblemsView,
};

/** The control panel: header, tabs, the last error, and the chosen view. */
export function App() {
  const tab = useLockstepStore((s) => s.tab);
  const View = VIEWS[tab];

  useEffect(() => lockstepStore.getState().start(), []);

  return (
    <div className="app">
      <Header />
      <TabBar />
      <NoticeBar />
      <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <View />
      </main>
    </div>
  );
}
