import { LoadError } from '../../components/LoadError';
import { FeedForm } from './FeedForm';
import { FeedList } from './FeedList';
import { LockForm } from './LockForm';
import { PropertyForm } from './PropertyForm';
import { TuyaSection } from './TuyaSection';

/** Properties, locks, reservation feeds and the lock cloud account. */
export function SetupView() {
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">Setup</h2>
      <LoadError list="properties" />
      <div className="form-row">
        <PropertyForm />
        <LockForm />
        <FeedForm />
        <TuyaSection />
      </div>
      <FeedList />
    </section>
  );
}
