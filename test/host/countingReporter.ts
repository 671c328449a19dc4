// Mocha's Spec reporter that also writes pass/fail/pending counts for scripts/test-all.js.
// Use: mocha --reporter out/test/host/countingReporter.js (file from TELNYX_SIMS_TEST_RESULTS).
import Mocha from 'mocha';
import { RESULTS_ENV } from './bridgeProtocol';
import { countResults, writeResults } from './results';

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const results = countResults(runner);
    const file = process.env[RESULTS_ENV];
    // 'end' fires before mocha's --exit, so a synchronous write always lands.
    runner.once('end', () => {
      if (file) writeResults(file, results);
    });
  }
}

export = CountingReporter;
