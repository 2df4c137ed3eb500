/**
 * Runs the fake Tuya cloud by hand for demos: `npx tsx scripts/fake-tuya.ts`
 * (optional: FAKE_TUYA_PORT). Prints the base URL and credentials to enter
 * in Lockstep's settings, with three demo locks; Ctrl+C stops it.
 */
import { startFakeTuyaCloud } from '../test/fakes/tuya-cloud';

async function main(): Promise<void> {
  const port = Number(process.env.FAKE_TUYA_PORT ?? '0');
  const cloud = await startFakeTuyaCloud({ port });
  cloud.addDevice({ id: 'demo-wifi-lock', name: 'Front door', link: 'wifi' });
  cloud.addDevice({
    id: 'demo-zigbee-lock',
    name: 'Back door',
    link: 'zigbee',
    battery: 'middle',
  });
  cloud.addDevice({
    id: 'demo-ble-lock',
    name: 'Garage',
    link: 'bluetooth',
    battery: 35,
  });

  process.stdout.write(
    [
      'Fake Tuya cloud (local only; not a real data center)',
      `  base URL:      ${cloud.baseUrl}`,
      `  access ID:     ${cloud.accessId}`,
      `  access secret: ${cloud.accessSecret}`,
      '  devices:       demo-wifi-lock (sleeps; wakes every 30 s),',
      '                 demo-zigbee-lock, demo-ble-lock',
      '',
    ].join('\n'),
  );

  // A Wi-Fi lock wakes now and then, takes pending PINs and sleeps again;
  // a timer does that here so a demo shows pending turning into active.
  const waker = setInterval(() => {
    cloud.wake('demo-wifi-lock');
    cloud.sleep('demo-wifi-lock');
  }, 30_000);
  const stop = () => {
    clearInterval(waker);
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake tuya failed to start: ${String(error)}\n`);
  process.exit(1);
});
