// Test-only locations; the shared ones (repository root, code-server) live in scripts/lib/paths.
import * as path from 'path';
import { repoRoot } from '../../scripts/lib/paths';

export { codeServerEntry, repoRoot, testResultsDir } from '../../scripts/lib/paths';

/** Scratch space for test runs; .vscode-test is git-ignored. */
export const scratchDir = path.join(repoRoot, '.vscode-test', 'runs');
