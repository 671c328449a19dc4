// The slice of the `vscode` API that src/webview/detailsPanels.ts uses, recording what the
// code under test does. Loaded in place of 'vscode' by `withFakeVscode` (plain mocha has no
// VS Code); the real thing is exercised by the integration tests in test/integration.
import Module from 'node:module';
import * as path from 'node:path';

type Listener<T> = (value: T) => void;

class Emitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
}

export class Uri {
  private constructor(readonly path: string) {}
  static file(p: string): Uri {
    return new Uri(p);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(path.posix.join(base.path, ...parts));
  }
  toString(): string {
    return `file://${this.path}`;
  }
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
}

export const CSP_SOURCE = 'https://fake.vscode-cdn.net';

export class FakeWebview {
  options: { enableScripts?: boolean; localResourceRoots?: Uri[] } = {};
  html = '';
  readonly cspSource = CSP_SOURCE;
  readonly posted: unknown[] = [];
  private readonly received = new Emitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;
  asWebviewUri(u: Uri): { toString(): string } {
    return { toString: () => `${CSP_SOURCE}${u.path}` };
  }
  postMessage(message: unknown): Promise<boolean> {
    this.posted.push(JSON.parse(JSON.stringify(message)));
    return Promise.resolve(true);
  }
  /** What the webview script would post. */
  receive(message: unknown): void {
    this.received.fire(message);
  }
}

export class FakePanel {
  readonly webview = new FakeWebview();
  iconPath: unknown;
  reveals = 0;
  disposed = false;
  private readonly disposeEmitter = new Emitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  constructor(
    readonly viewType: string,
    public title: string,
    readonly showOptions: unknown,
    options: FakeWebview['options'] = {},
  ) {
    this.webview.options = options;
  }
  reveal(): void {
    this.reveals++;
  }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEmitter.fire();
  }
}

interface Serializer {
  deserializeWebviewPanel(panel: FakePanel, state: unknown): Promise<void>;
}

/** Everything the code under test did, for assertions. */
export const fake = {
  panels: [] as FakePanel[],
  statusMessages: [] as string[],
  clipboard: '',
  commands: [] as unknown[][],
  serializers: new Map<string, Serializer>(),
  reset(): void {
    this.panels = [];
    this.statusMessages = [];
    this.clipboard = '';
    this.commands = [];
    this.serializers.clear();
  },
};

export const window = {
  createWebviewPanel(viewType: string, title: string, showOptions: unknown, options: FakeWebview['options']): FakePanel {
    const p = new FakePanel(viewType, title, showOptions, options);
    fake.panels.push(p);
    return p;
  },
  setStatusBarMessage(text: string): { dispose(): void } {
    fake.statusMessages.push(text);
    return { dispose: () => undefined };
  },
  registerWebviewPanelSerializer(viewType: string, serializer: Serializer): { dispose(): void } {
    fake.serializers.set(viewType, serializer);
    return { dispose: () => fake.serializers.delete(viewType) };
  },
};

export const env = {
  clipboard: {
    writeText(text: string): Promise<void> {
      fake.clipboard = text;
      return Promise.resolve();
    },
  },
};

export const commands = {
  executeCommand(...args: unknown[]): Promise<undefined> {
    fake.commands.push(args);
    return Promise.resolve(undefined);
  },
};

type Resolver = (request: string, ...rest: unknown[]) => string;

/** Makes `require('vscode')` load this module until the returned function is called. */
export function withFakeVscode(): () => void {
  const M = Module as unknown as { _resolveFilename: Resolver };
  const original = M._resolveFilename;
  M._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? __filename : original.call(this, request, ...rest);
  };
  return () => {
    M._resolveFilename = original;
  };
}
