// What a bench's figures depend on, printed with them as table rows of `columns` cells: a fresh machine's
// differences (PostgreSQL settings, tables never analysed) show here first. Shared by the api and scale parts.
function printEnvironment(env, columns = 7) {
  const pad = ' |'.repeat(columns - 1);
  const s = env.settings;
  console.log(
    `|  | ran with: Node ${env.node}, ${env.cores} × ${env.cpu}, load average ${env.loadAverage1m} before / ${env.loadAverage1mAfter ?? env.loadAverage1m} after, PostgreSQL ${s.server_version} over ${env.connection}${pad}`,
  );
  const shown = Object.entries(s)
    .filter(([k]) => k !== 'server_version')
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const sessions = env.apiSessionOptions ? `; the API's sessions: ${env.apiSessionOptions}` : '';
  console.log(`|  | PostgreSQL settings: ${shown}${sessions}${pad}`);
  const tables = env.tables
    .map(
      (t) =>
        `${t.table} ${t.liveRows} rows, ${t.modifiedSinceAnalyze} changed since analysed (${t.lastAnalyzed === 'never' ? 'never analysed' : `analysed ${t.lastAnalyzed}`})`,
    )
    .join('; ');
  console.log(`|  | table statistics after the run: ${tables}${pad}`);
}

module.exports = { printEnvironment };
