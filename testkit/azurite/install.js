// Installs the pinned Azurite with `npm ci` unless node_modules already matches package-lock.json.
// Run by the testkit module's Maven build (exec-maven-plugin); safe to run by hand: `node install.js`.
'use strict';
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const here = __dirname;
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Azurite needs Node.js 20 or newer; this is ${process.version}. Install Node 20+ and rebuild.`);
  process.exit(1);
}
const lock = fs.readFileSync(path.join(here, 'package-lock.json'));
const hash = crypto.createHash('sha256').update(lock).digest('hex');
const marker = path.join(here, 'node_modules', '.custom-models-lock.sha256');
const bin = path.join(here, 'node_modules', '.bin', process.platform === 'win32' ? 'azurite-blob.cmd' : 'azurite-blob');
if (fs.existsSync(bin) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === hash) {
  console.log('Azurite is installed and matches package-lock.json; skipping npm ci.');
  process.exit(0);
}
console.log('Installing Azurite with npm ci (pinned by package-lock.json)...');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'],
  { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.error || result.status !== 0) {
  console.error('npm ci failed' + (result.error ? ': ' + result.error.message : ` with exit code ${result.status}`)
    + '. Check that npm can reach its registry, then rebuild.');
  process.exit(result.status || 1);
}
fs.writeFileSync(marker, hash + '\n');
