// Where the browser tests and the forms bench find Chromium, and how `npm test` gets one when none is there.
// Playwright's own browser download does not work on these machines (PACKAGES.md): we drive the system's.
const { spawnSync } = require('child_process');
const fs = require('fs');

/** Debian's package, Ubuntu's (deb or snap), then Google's build. CHROMIUM_PATH wins when set. */
const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome'];
const INSTALL_COMMAND = 'sudo apt-get install -y chromium fonts-wqy-microhei';

function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return fs.existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return KNOWN_PATHS.find((p) => fs.existsSync(p));
}

const canApt = () => process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;

/**
 * The path of a usable Chromium: found, or installed with apt when we run as root (as CI does). Otherwise
 * undefined, and the caller prints INSTALL_COMMAND. The Chinese font is what makes screenshots readable.
 */
function ensureChromium(log = console.log) {
  const found = findChromium();
  if (found || !canApt()) return found;
  log('no Chromium found: installing Debian chromium and a Chinese font with apt-get (root)');
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run(['update', '-qq']).status !== 0 || run(['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei']).status !== 0) return undefined;
  return findChromium();
}

module.exports = { findChromium, ensureChromium, INSTALL_COMMAND, KNOWN_PATHS };
