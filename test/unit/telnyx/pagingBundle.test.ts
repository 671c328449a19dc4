// The client sends its requests with Node's own http module, which VS Code routes through the
// user's proxy. This builds the Telnyx client with the extension's esbuild settings and lists a
// fleet with it through a real forward proxy on 127.0.0.1, routed the way VS Code routes Node's
// http (an agent that sends absolute-form requests to the proxy).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { startMockApi, type MockApi } from '../../../mock-api/server';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
// The module object itself (an `import * as` namespace copy cannot set globalAgent).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const httpModule = require('node:http') as { globalAgent: http.Agent };

interface BuildResult {
  metafile: { inputs: Record<string, unknown> };
}
interface EsbuildConfig {
  bundleTelnyxClient(outfile: string): Promise<BuildResult>;
}
interface BundledClient {
  TelnyxClient: new (opts: { apiKey: string; baseUrl: string; pageSize: number }) => {
    listAllSimCards(query: { status?: string[] }): Promise<{ complete: boolean; items: Array<{ id: string }> }>;
  };
}

/** Connects every request to the proxy and writes its target as an absolute URL. */
class ForwardProxyAgent extends http.Agent {
  constructor(private readonly proxyPort: number) {
    super({ keepAlive: false });
  }

  override createConnection(): net.Socket {
    return net.connect(this.proxyPort, '127.0.0.1');
  }

  addRequest(req: http.ClientRequest, options: { host?: string; port?: number | string }): void {
    req.path = `http://${options.host ?? 'localhost'}:${options.port ?? 80}${req.path}`;
    (http.Agent.prototype as unknown as { addRequest(r: http.ClientRequest, o: object): void }).addRequest.call(this, req, options);
  }
}

describe("telnyx bundle: Node's own http, through a forward proxy", function () {
  this.timeout(60_000);
  let api: MockApi;
  let proxy: http.Server;
  const proxied: string[] = [];
  const savedAgent = http.globalAgent;

  before(async () => {
    api = await startMockApi({ sims: 600, seed: 5 });
    proxy = http.createServer((req, res) => {
      proxied.push(req.url ?? '');
      const target = new URL(req.url ?? '/');
      const up = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: req.method,
          headers: req.headers,
          agent: savedAgent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    httpModule.globalAgent = savedAgent;
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await api.close();
  });

  it('bundles no npm package and lists a filtered fleet through the proxy', async () => {
    const outfile = path.join(repoRoot, 'test-results', 'bundle', 'telnyx-client.js');
    fs.mkdirSync(path.dirname(outfile), { recursive: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(repoRoot, 'esbuild.js')) as EsbuildConfig;
    const built = await config.bundleTelnyxClient(outfile);
    const inputs = Object.keys(built.metafile.inputs);
    // The client is our own code over Node's modules (node-fetch was 19 KB of the bundle); only the
    // localization helper comes from npm.
    assert.ok(inputs.some((f) => f.endsWith('src/telnyx/http.ts')));
    assert.deepEqual(
      inputs.filter((f) => f.includes('node_modules/') && !f.includes('node_modules/@vscode/l10n/')),
      [],
    );

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(outfile) as BundledClient;
    httpModule.globalAgent = new ForwardProxyAgent((proxy.address() as net.AddressInfo).port);
    const client = new bundled.TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url, pageSize: 100 });
    const listing = await client.listAllSimCards({ status: ['enabled', 'standby'] });
    httpModule.globalAgent = savedAgent;

    const want = api.fleet.sims.filter((s) => ['enabled', 'standby'].includes(s.status?.value ?? '')).map((s) => s.id);
    assert.equal(listing.complete, true);
    assert.deepEqual(
      listing.items.map((s) => s.id),
      want,
    );
    // Every request went through the proxy, in absolute form, with the query encoded as the API wants.
    assert.ok(proxied.length >= Math.ceil(want.length / 100));
    assert.equal(proxied.length, api.requests.length);
    assert.ok(proxied.every((u) => u.startsWith(`${api.url}/sim_cards?`)));
    assert.ok(
      proxied.every((u) => u.includes('filter%5Bstatus%5D=enabled%2Cstandby')),
      proxied[0],
    );
  });
});
