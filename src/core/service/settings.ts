import type { LockstepHandlers } from '../../shared';
import type { CoreContext } from '../context';

type SettingsHandlers = Pick<
  LockstepHandlers,
  'settings:get' | 'settings:saveTuya' | 'settings:testTuya' | 'locks:devices'
>;

/** Tuya credentials (the secret never leaves the core), connection test and device picker. */
export function settingsHandlers(
  ctx: CoreContext,
  actor: string,
): SettingsHandlers {
  return {
    'settings:get': () => Promise.resolve(ctx.providers.view()),

    async 'settings:saveTuya'(input) {
      await ctx.providers.save(input);
      await ctx.stores.journal.audit(
        actor,
        'settings.tuya',
        `access ID ${input.accessId}, region ${input.region ?? 'us-west'}`,
      );
      ctx.notify('settings', 'locks');
      return ctx.providers.view();
    },

    async 'settings:testTuya'() {
      const check = await ctx.providers.requireTuya().testConnection();
      return check.ok
        ? check
        : { ok: false, code: check.code, message: check.message };
    },

    async 'locks:devices'() {
      return ctx.providers.requireTuya().listDevices();
    },
  };
}
