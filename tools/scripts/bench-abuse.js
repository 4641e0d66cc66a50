// Abuse part of `npm run bench -- abuse` (issue #14 acceptance 2): the server on SQLite under the hostile
// cases (bounded, loopback only), with a bystander's GET /api/me latency during each. Target: p95 < 200 ms.
const path = require('path');

module.exports = function abuseBench({ out, runJson }) {
  console.log('\n## Hostile requests against the server on SQLite, with a bystander asking GET /api/me every 50 ms');
  console.log('| case | expected | got | bystander GET /api/me p95 / max (samples) | < 200 ms |');
  console.log('|---|---|---|---|:-:|');
  const r = runJson(path.join(out, 'apps/api/bench/abuse.bench.js'), []);
  if (!r) return;
  for (const c of r.results) {
    console.log(
      `| ${c.name} | ${c.expected} | ${c.got} | ${c.bystanderP95} / ${c.bystanderMax} ms (${c.samples}) | ${c.bystanderP95 < 200 ? 'yes' : 'NO'} |`,
    );
  }
};
