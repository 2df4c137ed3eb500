import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './serve-fixture';

const FEED = resolve(__dirname, '../fixtures/feeds/airbnb.ics');
const SHOTS = resolve(__dirname, '../../test-output/screenshots');

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function openTab(
  page: Page,
  tab: 'stays' | 'jobs' | 'locks' | 'setup' | 'problems',
) {
  await page.getByTestId(`tab-${tab}`).click();
}

test('a host imports a feed, runs a PIN job, cancels a stay and adds a walk-in', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('demo-badge')).toBeVisible();

  // Set up a property with a lock and an Airbnb feed, all from the panel.
  await openTab(page, 'setup');
  const propertyForm = page.getByTestId('property-form');
  await propertyForm.getByLabel('Name', { exact: true }).fill('Harbor Flat');
  await propertyForm.getByLabel('Time zone (IANA)').fill('America/New_York');
  await propertyForm.getByRole('button', { name: 'Add property' }).click();
  await expect(propertyForm.getByRole('status')).toContainText(
    'Saved Harbor Flat',
  );

  const lockForm = page.getByTestId('lock-form');
  await lockForm.getByLabel('Property').selectOption({ label: 'Harbor Flat' });
  await lockForm.getByLabel('Lock name').fill('Front door');
  await lockForm.getByRole('button', { name: /add lock/i }).click();

  const feedForm = page.getByTestId('feed-form');
  await feedForm.getByLabel('Property').selectOption({ label: 'Harbor Flat' });
  await feedForm.getByLabel('Feed URL or file path').fill(FEED);
  await feedForm.getByLabel('Source').selectOption('airbnb');
  await feedForm.getByRole('button', { name: /add feed/i }).click();
  await page
    .getByTestId('feed-row')
    .getByRole('button', { name: 'Sync now' })
    .click();
  await expect(page.getByTestId('sync-summary')).toContainText('2');
  await shot(page, 'setup');

  // Both Airbnb stays are listed in the property's zone, PINs scheduled.
  await openTab(page, 'stays');
  const stays = page.getByTestId('stay-row');
  await expect(stays).toHaveCount(2);
  await expect(
    page.locator('[data-testid="pin-state"][data-state="scheduled"]'),
  ).toHaveCount(2);
  await expect(stays.first()).toContainText('EST');
  // serve runs in UTC (see the fixture), so the host is told whose times these are.
  await expect(page.getByTestId('zone-banner')).toContainText(
    'America/New_York',
  );
  await shot(page, 'stays');

  // Four delayed jobs; run the earliest create job now.
  await openTab(page, 'jobs');
  await expect(page.getByTestId('job-count-delayed')).toContainText('4');
  const createJob = page
    .locator('[data-testid="job-row"][data-job-id^="create-"]')
    .first();
  await createJob.getByRole('button', { name: /run now/i }).click();
  await expect(page.getByTestId('job-count-completed')).toContainText('1');
  await shot(page, 'jobs');

  // The host cancels the November stay's create job, confirming first.
  const novemberCreate = page
    .locator(
      '[data-testid="job-row"][data-job-id^="create-"][data-state="delayed"]',
    )
    .first();
  const novemberId = await novemberCreate.getAttribute('data-job-id');
  await novemberCreate.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Yes, cancel job' }).click();
  await expect(page.locator(`[data-job-id="${novemberId}"]`)).toHaveCount(0);
  await expect(page.getByTestId('job-count-delayed')).toContainText('2');

  // The PIN is on the (simulated) lock; reveal shows its digits.
  await openTab(page, 'stays');
  const activeStay = stays.filter({
    has: page.locator('[data-testid="pin-state"][data-state="active"]'),
  });
  await expect(activeStay).toHaveCount(1);
  await expect(activeStay.getByTestId('simulated-badge').first()).toBeVisible();
  await activeStay.getByRole('button', { name: 'Reveal' }).click();
  await expect(activeStay.getByTestId('pin-code')).toHaveText(/^\d{6,7}$/);

  // Cancelling that stay takes its PIN off the lock.
  await activeStay.getByRole('button', { name: 'Cancel stay' }).click();
  await page.getByRole('button', { name: 'Yes, cancel stay' }).click();
  await expect(
    page.locator('[data-testid="pin-state"][data-state="revoked"]'),
  ).toHaveCount(1);

  // A walk-in guest gets a PIN now, until a check-out two days out.
  const walkIn = page.getByTestId('walkin-form');
  await walkIn.getByLabel('Property').selectOption({ label: 'Harbor Flat' });
  await walkIn.getByLabel('Guest name').fill('Jordan Walkin');
  const checkOut = new Date(Date.now() + 2 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await walkIn.getByLabel(/Check-out/).fill(`${checkOut}T11:00`);
  await walkIn.getByRole('button', { name: 'Add walk-in' }).click();
  const walkInRow = stays.filter({ hasText: 'Jordan Walkin' });
  await expect(walkInRow.locator('[data-testid="pin-state"]')).toHaveAttribute(
    'data-state',
    'active',
  );
  await shot(page, 'stays-after');

  const onLock =
    await serve.call<Array<{ name: string; pins: Array<{ state: string }> }>>(
      'reservations:list',
    );
  expect(
    onLock.filter((s) => s.pins.some((p) => p.state === 'active')),
  ).toHaveLength(1);

  await openTab(page, 'locks');
  await expect(page.getByTestId('lock-row')).toContainText('Front door');
  await expect(
    page.getByTestId('lock-row').getByTestId('simulated-badge'),
  ).toBeVisible();
  await shot(page, 'locks');

  await openTab(page, 'problems');
  await shot(page, 'problems');
});

test('bad input is named by field and nothing crashes', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await openTab(page, 'setup');
  const propertyForm = page.getByTestId('property-form');
  await propertyForm.getByLabel('Name', { exact: true }).fill('Nowhere');
  await propertyForm.getByLabel('Time zone (IANA)').fill('Mars/Olympus');
  await propertyForm.getByRole('button', { name: 'Add property' }).click();
  await expect(propertyForm).toContainText('unknown IANA time zone');

  await serve.call('properties:save', {
    id: 'cabin',
    name: 'Cabin',
    timeZone: 'Europe/Oslo',
  });
  await serve.call('feeds:save', {
    id: 'broken',
    propertyId: 'cabin',
    url: resolve(__dirname, '../fixtures/feeds/broken.ics'),
    source: 'airbnb',
  });
  await page.reload();
  await openTab(page, 'setup');
  await page
    .getByTestId('feed-row')
    .getByRole('button', { name: 'Sync now' })
    .click();
  await expect(page.getByTestId('sync-summary')).toContainText('DTSTART');
  await openTab(page, 'problems');
  await expect(page.getByTestId('problem-row').first()).toBeVisible();
  await shot(page, 'problems-bad-feed');
});
