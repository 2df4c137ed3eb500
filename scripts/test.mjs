// The whole test suite, as `npm test` and CI run it: typecheck, lint, build,
// unit and integration tests under two machine time zones (results must be
// identical), then the end-to-end tests in Chromium. Prints one closing line
// "N passed, N failed, N skipped" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const OUT = 'test-output';
mkdirSync(OUT, { recursive: true });
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
step('typecheck (renderer)', 'npx', [
  'tsc',
  '-p',
  'tsconfig.web.json',
  '--noEmit',
]);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('format', 'npx', ['prettier', '--check', '.']);
step('build', 'npx', ['electron-vite', 'build']);

const zones = ['UTC', 'Asia/Tokyo'];
const outcomes = zones.map((zone) => {
  const file = `${OUT}/vitest-${zone.replace('/', '-')}.json`;
  step(
    `unit + integration (TZ=${zone})`,
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${file}`,
    ],
    { TZ: zone },
  );
  return readVitest(file);
});
compareZones(outcomes);

const e2eFile = `${OUT}/playwright.json`;
step('end to end (Chromium)', 'npx', ['playwright', 'test'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile,
});
readPlaywright(e2eFile);

if (failures.length > 0) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);

function step(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  if (result.status !== 0) failures.push(name);
}

function readVitest(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    const byName = new Map();
    for (const suite of report.testResults) {
      for (const test of suite.assertionResults)
        byName.set(`${suite.name} > ${test.fullName}`, test.status);
    }
    return byName;
  } catch (error) {
    failures.push(`read ${file}: ${error.message}`);
    return new Map();
  }
}

/** The machine's zone must never change a result. */
function compareZones([first, second]) {
  const differing = [...first]
    .filter(([name, status]) => second.get(name) !== status)
    .map(([name]) => name);
  if (first.size === 0 || differing.length > 0) {
    failures.push('results differ between machine time zones');
    for (const name of differing)
      console.log(`  differs between zones: ${name}`);
  }
}

function readPlaywright(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const visit = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests) {
          if (test.status === 'skipped') {
            totals.skipped += 1;
            const reason = test.annotations?.find(
              (a) => a.type === 'skip',
            )?.description;
            console.log(
              `  skipped: ${spec.title}${reason ? ` (${reason})` : ''}`,
            );
          } else if (test.status === 'expected' || test.status === 'flaky')
            totals.passed += 1;
          else totals.failed += 1;
        }
      }
      for (const child of suite.suites ?? []) visit(child);
    };
    for (const suite of report.suites) visit(suite);
  } catch (error) {
    failures.push(`read ${file}: ${error.message}`);
  }
}
