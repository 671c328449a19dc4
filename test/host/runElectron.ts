// Runs the integration suite in a desktop VS Code with @vscode/test-electron, where one can be had.
//   VSCODE_EXECUTABLE=/path/to/code node out/test/host/runElectron.js
// Without VSCODE_EXECUTABLE, test-electron downloads VS Code (not possible on offline machines;
// there scripts/test-all.js uses test/host/runInHost instead). The browser bridge is absent here,
// so bridge-only checks must skip (bridgeAvailable()).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { GREP_ENV, RESULTS_ENV } from './bridgeProtocol';
import { repoRoot } from './paths';
import { readResults } from './results';

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'telnyx-sims-electron-'));
  const resultsFile = process.env[RESULTS_ENV] ?? path.join(workspace, 'results.json');
  const env: Record<string, string> = { [RESULTS_ENV]: resultsFile };
  if (process.env[GREP_ENV]) env[GREP_ENV] = process.env[GREP_ENV];
  let code = 1;
  try {
    code = await runTests({
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
      extensionTestsEnv: env,
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
    });
  } catch (err) {
    console.error(`[run-electron-tests] ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    const counts = readResults(resultsFile);
    if (counts)
      console.log(`[run-electron-tests] integration: ${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending`);
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  process.exitCode = code === 0 ? 0 : 1;
}

void main();
