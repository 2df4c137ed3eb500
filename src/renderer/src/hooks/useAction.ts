import type {
  CallResult,
  Channel,
  ChannelInput,
  ChannelOutput,
} from '../../../shared';
import { describeCallError } from '../lib/errors';
import { useLockstepStore } from '../store';

/**
 * A row action (run now, cancel, sync…): calls the channel and shows a
 * failure in the notice bar. Resolves to the result so callers can use it.
 */
export function useAction() {
  const perform = useLockstepStore((s) => s.perform);
  const showNotice = useLockstepStore((s) => s.showNotice);

  return async function act<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<CallResult<ChannelOutput<C>>> {
    const result = await perform(channel, input);
    if (!result.ok) showNotice(describeCallError(result.error));
    return result;
  };
}
