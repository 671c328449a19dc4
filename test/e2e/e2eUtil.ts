// Helpers for end-to-end tests that drive packaged artefacts (VSIX, code-server) from outside.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { codeServerEntry, repoRoot } from '../../scripts/lib/paths';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

/** The entries of a zip (a VSIX is one), read from its central directory. */
function readZip(file: string): { buf: Buffer; entries: ZipEntry[] } {
  const buf = fs.readFileSync(file);
  // End-of-central-directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localHeader: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { buf, entries };
}

/** Names of the files inside a zip. */
export function zipEntries(file: string): string[] {
  return readZip(file).entries.map((e) => e.name);
}

/** One file of a zip as UTF-8 text (stored or deflated, the two methods vsce writes). */
export function unzipText(file: string, name: string): string {
  const { buf, entries } = readZip(file);
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in ${file}`);
  const at = entry.localHeader;
  const dataStart = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method === 8) return zlib.inflateRawSync(data).toString('utf8');
  throw new Error(`${name}: zip method ${entry.method} is not supported`);
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The VSIX under test: $TELNYX_SIMS_VSIX when it names an existing file (one built earlier in the
 * same run), otherwise a fresh `npm run package` into `outDir`.
 */
export function buildVsix(outDir: string): string {
  const given = process.env.TELNYX_SIMS_VSIX;
  if (given && fs.existsSync(given)) return path.resolve(given);
  const out = path.join(outDir, `telnyx-sim-explorer-${packageVersion()}.vsix`);
  const res = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', out], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (res.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`npm run package failed (status ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return out;
}

/** `code-server --install-extension <vsix>` into a clean extensions folder; returns its output. */
export function installVsix(vsix: string, extensionsDir: string, userDataDir: string): string {
  const res = spawnSync(
    process.execPath,
    [
      codeServerEntry,
      '--config',
      path.join(userDataDir, 'code-server.yaml'),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${res.stdout}\n${res.stderr}`;
  if (res.status !== 0) throw new Error(`code-server --install-extension failed (status ${res.status}):\n${output}`);
  return output;
}
