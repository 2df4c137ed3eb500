import { LoadError } from '../../components/LoadError';
import { FeedForm } from './FeedForm';
import { FeedList } from './FeedList';
import { LockForm } from './LockForm';
import { PropertyForm } from './PropertyForm';

/** Properties, locks and reservation feeds. */
export function SetupView() {
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">Setup</h2>
      <LoadError list="properties" />
      <div className="form-row">
        <PropertyForm />
        <LockForm />
        <FeedForm />
      </div>
      <FeedList />
    </section>
  );
}
