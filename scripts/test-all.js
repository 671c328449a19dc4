#!/usr/bin/env node
// `npm test`: every check, in order, with one summary at the end.
//   node scripts/test-all.js [--only unit,integration]
// --only runs the named stages plus the set-up stages they need (compile, bundle, code-server).
// Test stages keep going after a failure; a failed typecheck or build stops the run.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

const root = path.resolve(__dirname, '..');
const resultsDir = path.join(root, 'test-results');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reporter = path.join(root, 'out', 'test', 'host', 'countingReporter.js');
const node = process.execPath;

// VSCODE_EXECUTABLE set: run the integration suite in that desktop VS Code via @vscode/test-electron.
const integration = process.env.VSCODE_EXECUTABLE ? [node, 'out/test/host/runElectron.js'] : [node, 'out/test/host/runInHost.js'];

const SETUP = ['clean', 'typecheck', 'build', 'code-server'];
/** fatal: later stages are pointless without it. tests: writes a results file with counts. */
const STAGES = [
  // Compiled tests of deleted sources would otherwise still run from a stale out/.
  { name: 'clean', cmd: [node, '-e', "require('fs').rmSync('out', { recursive: true, force: true })"], fatal: true },
  { name: 'typecheck', cmd: [bin('tsc'), '-p', './'], fatal: true },
  { name: 'lint', cmd: [bin('eslint'), '.'] },
  { name: 'format', cmd: [bin('prettier'), '--check', '.'] },
  { name: 'build', cmd: [node, 'esbuild.js'], fatal: true },
  { name: 'code-server', cmd: ['bash', 'scripts/install-code-server.sh'], fatal: true },
  { name: 'unit', cmd: [bin('mocha'), '--config', '.mocharc.json', '--reporter', reporter], tests: true, needs: ['clean', 'typecheck'] },
  { name: 'integration', cmd: integration, tests: true, needs: SETUP },
  {
    name: 'e2e',
    cmd: [bin('mocha'), '--no-config', '--timeout', '180000', '--exit', '--reporter', reporter, 'out/test/e2e/**/*.test.js'],
    tests: true,
    needs: SETUP,
  },
];

function selectStages(argv) {
  const usage = `--only takes a comma-separated list of: ${STAGES.map((s) => s.name).join(', ')}`;
  let only;
  try {
    only = parseArgs({ args: argv, options: { only: { type: 'string' } } }).values.only;
  } catch (err) {
    console.error(`${err.message}\n${usage}`);
    process.exit(2);
  }
  if (only === undefined) return STAGES;
  const wanted = new Set(
    only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const unknown = [...wanted].filter((n) => !STAGES.some((s) => s.name === n));
  if (unknown.length || !wanted.size) {
    console.error(usage);
    process.exit(2);
  }
  for (const s of STAGES) if (wanted.has(s.name)) for (const n of s.needs || []) wanted.add(n);
  return STAGES.filter((s) => wanted.has(s.name));
}

function runStage(stage) {
  const resultsFile = path.join(resultsDir, `${stage.name}.json`);
  fs.rmSync(resultsFile, { force: true });
  console.log(`\n${'='.repeat(72)}\n== ${stage.name}: ${stage.cmd.map((a) => path.relative(root, a) || a).join(' ')}\n${'='.repeat(72)}`);
  const started = Date.now();
  const [cmd, ...args] = stage.cmd;
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TELNYX_SIMS_TEST_RESULTS: resultsFile },
  });
  const ok = res.status === 0;
  const seconds = (Date.now() - started) / 1000;
  let counts;
  if (stage.tests && fs.existsSync(resultsFile)) counts = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  // A stage that failed without reporting a failing test (crash, lint error) still counts as one failure.
  if (!ok && !(counts && counts.failed > 0)) counts = { ...(counts || { passed: 0, pending: 0 }), failed: 1, crashed: true };
  if (res.error) console.error(`[test-all] could not start ${cmd}: ${res.error.message}`);
  return { name: stage.name, ok, seconds, counts };
}

function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  const done = [];
  for (const stage of selectStages(process.argv.slice(2))) {
    const result = runStage(stage);
    done.push(result);
    if (!result.ok && stage.fatal) {
      console.error(`\n[test-all] ${stage.name} failed; stopping.`);
      break;
    }
  }

  let passed = 0;
  let failed = 0;
  let pending = 0;
  console.log(`\n${'='.repeat(72)}\n== Summary\n${'='.repeat(72)}`);
  for (const r of done) {
    const c = r.counts;
    passed += (c && c.passed) || 0;
    failed += (c && c.failed) || 0;
    pending += (c && c.pending) || 0;
    let detail = '';
    if (c && c.crashed) detail = ' (exited non-zero without a failing test)';
    else if (c) detail = ` (${c.passed} passed, ${c.failed} failed${c.pending ? `, ${c.pending} skipped` : ''})`;
    console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(12)} ${r.seconds.toFixed(1).padStart(6)} s${detail}`);
  }
  // CI keeps only the tail of the output: name what failed here, not only far above.
  for (const r of done) {
    for (const f of (r.counts && r.counts.failures) || []) {
      const error = String(f.error).split('\n')[0].slice(0, 300);
      console.log(`FAILED ${r.name}: ${f.title}\n       ${error}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  process.exitCode = done.every((r) => r.ok) ? 0 : 1;
}

main();
