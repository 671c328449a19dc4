// Where things live, resolved from the compiled location (out/test/host) so callers need no cwd.
import * as path from 'path';

/** The repository root (the folder holding package.json). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** code-server's entry point, installed by scripts/install-code-server.sh. */
export const codeServerEntry = path.join(
  repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js',
);

/** Screenshots taken through the bridge land here (they are the README's images). */
export const imagesDir = path.join(repoRoot, 'docs', 'images');

/** Scratch space for test runs; .vscode-test is git-ignored. */
export const scratchDir = path.join(repoRoot, '.vscode-test', 'runs');
