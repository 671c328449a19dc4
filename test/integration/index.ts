// Loaded by VS Code inside the extension host (extensionTestsPath): runs every compiled
// integration test with mocha and reports counts to the runner through a results file.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';
import { GREP_ENV, RESULTS_ENV } from '../host/bridgeProtocol';
import { countResults, writeResults } from '../host/results';

function findTests(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function run(): Promise<void> {
  // The workbench forwards host console lines without applying printf-style formats; apply them here.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  const grep = process.env[GREP_ENV];
  if (grep) mocha.grep(grep);
  for (const file of findTests(__dirname)) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const file = process.env[RESULTS_ENV];
        if (file) writeResults(file, results);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
      const results = countResults(runner);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
