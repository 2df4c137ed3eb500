// Installs what a fresh clone needs before `npm start`, `npm run serve` or
// `npm test`: npm packages (npm ci when node_modules is missing or older than
// the lock file) and, for tests, the Debian packages redis-server and
// chromium when this machine can install them. Node built-ins only: this runs
// before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const forTests = process.argv.includes('--for-tests');
const needsNpm =
  !existsSync('node_modules/.package-lock.json') ||
  statSync('package-lock.json').mtimeMs >
    statSync('node_modules/.package-lock.json').mtimeMs;

if (needsNpm) {
  // Tests never launch Electron, so they skip its binary download.
  const env = forTests
    ? { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
    : process.env;
  run('npm', ['ci', '--no-audit', '--no-fund'], env);
}

const missing = [];
if (!onPath('redis-server') && !process.env.REDIS_URL)
  missing.push('redis-server');
if (forTests && !existsSync('/usr/bin/chromium')) missing.push('chromium');
if (missing.length > 0) installSystemPackages(missing);

function installSystemPackages(packages) {
  const canApt = process.getuid?.() === 0 && onPath('apt-get');
  if (!canApt) {
    console.error(
      `Lockstep needs ${packages.join(' and ')}: install ${packages.length > 1 ? 'them' : 'it'} with your package manager (Debian/Ubuntu: sudo apt-get install ${packages.join(' ')}).`,
    );
    process.exit(1);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...packages], {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

function onPath(command) {
  return (
    spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
      .status === 0
  );
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(' ')}\` failed.`);
    process.exit(result.status ?? 1);
  }
}
