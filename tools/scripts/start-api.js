#!/usr/bin/env node
// Runs the compiled API (dist/out-tsc) with the @kcbx/* aliases pointing at the compiled libs.
const path = require('path');
const { root, out } = require('./register-aliases');
process.env.WEB_DIST = process.env.WEB_DIST || path.join(root, 'dist', 'web');
require(path.join(out, 'apps', 'api', 'src', 'main.js'));
