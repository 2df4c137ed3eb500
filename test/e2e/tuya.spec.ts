import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeTuyaCloud, type FakeTuyaCloud } from '../fakes/tuya-cloud';
import { expect, test } from './serve-fixture';

const SHOTS = resolve(__dirname, '../../test-output/screenshots');
let cloud: FakeTuyaCloud;

test.beforeAll(async () => {
  cloud = await startFakeTuyaCloud();
  cloud.addDevice({
    id: 'e2e-wifi',
    name: 'Front door',
    link: 'wifi',
    battery: 81,
  });
  cloud.addDevice({
    id: 'e2e-zigbee',
    name: 'Garden gate',
    link: 'zigbee',
    online: false,
  });
});
test.afterAll(async () => {
  await cloud.close();
});
test.use({ serveConfig: { maintenanceEveryMs: 1000 } });

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('a Tuya lock goes from pending to on lock, and an offline lock is flagged', async ({
  page,
  serve,
}) => {
  // Faster maintenance rounds only make the panel update sooner.
  test.setTimeout(90_000);
  await page.goto(serve.url);
  await expect(page.getByTestId('demo-badge')).toBeVisible();

  // The host enters the lock cloud credentials in Setup and tests them.
  await page.getByTestId('tab-setup').click();
  const tuya = page.getByTestId('tuya-form');
  await tuya.getByLabel('Access ID').fill(cloud.accessId);
  await tuya.getByLabel('Access secret').fill(cloud.accessSecret);
  await tuya.getByText('Advanced').click();
  await tuya.getByLabel('Custom API address').fill(cloud.baseUrl);
  await tuya.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('demo-badge')).toBeHidden();
  await tuya.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('tuya-test-result')).toContainText(
    'Connected: 2 devices',
  );

  await serve.call('properties:save', {
    id: 'mill',
    name: 'Mill House',
    timeZone: 'Europe/Dublin',
  });
  await page.reload();
  await page.getByTestId('tab-setup').click();

  // Both locks are added from the account's device list.
  const lockForm = page.getByTestId('lock-form');
  const devices: Array<[string, string]> = [
    ['Front door', 'Front door · online'],
    ['Garden gate', 'Garden gate · offline · via gateway'],
  ];
  for (const [device, label] of devices) {
    await lockForm.getByLabel('Property').selectOption({ label: 'Mill House' });
    await lockForm.getByLabel('Provider').selectOption('tuya');
    await lockForm.getByRole('button', { name: 'Pick a device' }).click();
    await lockForm.getByTestId('device-picker').selectOption({ label });
    await lockForm.getByRole('button', { name: /add lock/i }).click();
    await expect(lockForm.getByRole('status')).toContainText(device);
  }
  await shot(page, 'setup-tuya');

  // The offline lock is flagged in Locks.
  await page.getByTestId('tab-locks').click();
  const gate = page.getByTestId('lock-row').filter({ hasText: 'Garden gate' });
  await expect(gate.getByTestId('lock-offline')).toBeVisible();
  await expect(
    page.getByTestId('lock-row').filter({ hasText: 'Front door' }),
  ).toContainText('81');
  await shot(page, 'locks-tuya');

  // A walk-in's PIN waits on the sleeping Wi-Fi lock, then lands when it wakes.
  const stays = await serve.call<Array<{ id: string }>>('reservations:list');
  expect(stays).toEqual([]);
  const locks =
    await serve.call<Array<{ id: string; name: string }>>('locks:list');
  const front = locks.find((l) => l.name === 'Front door');
  await serve.call('reservations:addWalkIn', {
    propertyId: 'mill',
    guestName: 'Casey Tuya',
    endsAtMs: Date.now() + 86_400_000,
    lockIds: [front?.id],
  });
  await page.getByTestId('tab-stays').click();
  const pin = page
    .getByTestId('stay-row')
    .filter({ hasText: 'Casey Tuya' })
    .getByTestId('pin-state');
  await expect(pin).toHaveAttribute('data-state', 'pending');
  await expect(pin).toHaveText(/pending on lock/i);
  await shot(page, 'stays-tuya-pending');

  cloud.wake('e2e-wifi');
  await expect(pin).toHaveAttribute('data-state', 'active', {
    timeout: 20_000,
  });
  expect(cloud.pins('e2e-wifi')).toHaveLength(1);
  await shot(page, 'stays-tuya-active');
});
