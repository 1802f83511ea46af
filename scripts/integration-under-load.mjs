// Runs the integration project N times (default 2) while busy-loop processes load every core but
// none (default 2 burners), as CI's shared 2-core machine may be. Issue 12: the suite must pass loaded.
// Usage: node scripts/integration-under-load.mjs [--runs 2] [--burners 2] [-- <vitest args>]
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '2' }, burners: { type: 'string', default: '2' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
const burners = Array.from({ length: Number(values.burners) }, () =>
  spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }),
);
const stopBurners = () => burners.forEach((b) => b.kill('SIGKILL'));
process.on('exit', stopBurners);

let failed = 0;
for (let run = 1; run <= runs; run++) {
  const started = process.hrtime.bigint();
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...positionals], {
    stdio: 'inherit',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `under-load run ${run}/${runs} with ${burners.length} burners: exit ${result.status} in ${seconds.toFixed(0)} s`,
  );
  if (result.status !== 0) failed++;
}
stopBurners();
process.exitCode = failed === 0 ? 0 : 1;
