// "Export SIM Cards...": the current view (every SIM matching the active filter, fetched
// fresh over all pages and streamed to the file as pages arrive) or the selected rows, as
// CSV or JSON, to a file the user picks in a save dialog. Progress with Cancel; a
// cancelled or failed export leaves no partial file (exportToFile writes a temp file).
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatCount } from '../fleet/dataAmount';
import { exportToFile, type ExportFormat } from '../fleet/export';
import { NoApiKeyError, type TelnyxClient } from '../telnyx';
import type { SimCard } from '../telnyx/types';
import type { FleetQuery, FleetSnapshotSource } from './fleetSource';

export type ExportScope = 'view' | 'selection';

export interface ExportChoice {
  readonly scope: ExportScope;
  readonly format: ExportFormat;
  readonly target: vscode.Uri;
}

/** Test mode only: answers the save dialog (VS Code's native dialog cannot be driven by a test). */
export type SaveDialogSeam = (options: vscode.SaveDialogOptions) => Promise<vscode.Uri | undefined>;

/** `telnyx-sim-cards-2025-06-01.csv`, in local time. */
export function defaultExportName(format: ExportFormat, now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `telnyx-sim-cards-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${format}`;
}

interface Choice<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/** A one-choice quick pick with a title and step; undefined when dismissed. */
async function pickStep<T>(
  items: readonly Choice<T>[],
  title: string,
  step: number,
  totalSteps: number,
  placeholder: string,
): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<Choice<T>>();
  qp.title = title;
  qp.step = step;
  qp.totalSteps = totalSteps;
  qp.placeholder = placeholder;
  qp.items = items;
  // Like the filter wizard: focus moving elsewhere (a click, a view that takes focus as it opens)
  // does not drop the steps; Escape still does.
  qp.ignoreFocusOut = true;
  try {
    return await new Promise<T | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0]?.value));
      qp.onDidHide(() => resolve(undefined));
      qp.show();
    });
  } finally {
    qp.dispose();
  }
}

function changedWhileExporting(): string {
  return vscode.l10n.t('The SIM cards changed while exporting, so the file would not match the fleet. Nothing was written; export again.');
}

/** The SIMs of `q`, page by page as they arrive, without waiting for the whole listing. */
async function* streamView(
  client: TelnyxClient,
  q: FleetQuery,
  signal: AbortSignal,
  onTotal: (n: number) => void,
): AsyncGenerator<SimCard> {
  const pages: SimCard[][] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const own = new AbortController();
  const stop = (): void => own.abort();
  signal.addEventListener('abort', stop, { once: true });
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const listing = client
    .listAllSimCards(q.query, {
      signal: own.signal,
      concurrency: q.concurrency,
      onPage: (sims, progress) => {
        pages.push(sims.filter(q.keep));
        onTotal(progress.totalResults);
        notify();
      },
      // Rows already written cannot be taken back: a re-list means this file would not be the fleet.
      onRestart: () => {
        failure ??= new Error(changedWhileExporting());
        own.abort();
      },
    })
    .then(
      (result) => {
        // A short list never passes for the whole fleet: no file rather than a wrong one.
        if (!result.complete) failure ??= new Error(changedWhileExporting());
      },
      (e: unknown) => {
        failure ??= e;
      },
    )
    .finally(() => {
      done = true;
      notify();
    });
  try {
    for (;;) {
      const page = pages.shift();
      if (page) {
        yield* page;
        continue;
      }
      if (done) {
        if (failure !== undefined) throw failure;
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // The writer stopped (done, cancelled or failed): stop fetching too.
    own.abort();
    signal.removeEventListener('abort', stop);
    await listing;
  }
}

async function* counted(rows: AsyncIterable<SimCard> | Iterable<SimCard>, onRow: (n: number) => void): AsyncGenerator<SimCard> {
  let n = 0;
  for await (const sim of rows) {
    yield sim;
    onRow(++n);
  }
}

export class Exporter {
  #lastFolder: vscode.Uri | undefined;
  readonly #source: FleetSnapshotSource;
  readonly #saveDialogSeam: SaveDialogSeam | undefined;

  constructor(source: FleetSnapshotSource, saveDialogSeam?: SaveDialogSeam) {
    this.#source = source;
    this.#saveDialogSeam = saveDialogSeam;
  }

  /** The command: asks what, which format and where, then exports. */
  async run(selected: readonly SimCard[]): Promise<number | undefined> {
    const title = vscode.l10n.t('Export SIM Cards');
    const hasSelection = selected.length > 0;
    const totalSteps = hasSelection ? 2 : 1;
    let scope: ExportScope = 'view';
    if (hasSelection) {
      const picked = await pickStep<ExportScope>(
        [
          {
            label: vscode.l10n.t('Current view'),
            description: vscode.l10n.t('Every SIM card matching the active filter, fetched fresh'),
            value: 'view',
          },
          {
            label: vscode.l10n.t('Selected SIM cards'),
            description: vscode.l10n.t('{0} selected', formatCount(selected.length)),
            value: 'selection',
          },
        ],
        title,
        1,
        totalSteps,
        vscode.l10n.t('What to export'),
      );
      if (!picked) return undefined;
      scope = picked;
    }
    const format = await pickStep<ExportFormat>(
      [
        { label: 'CSV', description: vscode.l10n.t('One row per SIM card, for spreadsheets'), value: 'csv' },
        { label: 'JSON', description: vscode.l10n.t('The API records as received'), value: 'json' },
      ],
      title,
      totalSteps,
      totalSteps,
      vscode.l10n.t('File format'),
    );
    if (!format) return undefined;
    const folder = this.#lastFolder ?? vscode.Uri.file(os.homedir());
    const options: vscode.SaveDialogOptions = {
      title,
      saveLabel: vscode.l10n.t('Export'),
      defaultUri: vscode.Uri.joinPath(folder, defaultExportName(format)),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    };
    const target = this.#saveDialogSeam ? await this.#saveDialogSeam(options) : await vscode.window.showSaveDialog(options);
    if (!target) return undefined;
    return this.exportTo({ scope, format, target }, selected);
  }

  /** Exports with progress and Cancel; resolves to the SIMs written, undefined when cancelled. */
  async exportTo(choice: ExportChoice, selected: readonly SimCard[]): Promise<number | undefined> {
    if (choice.target.scheme !== 'file') {
      throw new Error(vscode.l10n.t('Export writes to local files only; choose a file on this computer.'));
    }
    const file = choice.target.fsPath;
    const groupsById = this.#source.groupsById();
    const client = choice.scope === 'view' ? await this.#source.getClient() : undefined;
    if (choice.scope === 'view' && !client) throw new NoApiKeyError();
    const query = this.#source.currentQuery();
    const written = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting SIM cards'), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        let total = choice.scope === 'selection' ? selected.length : undefined;
        let reported = 0;
        const onRow = (n: number): void => {
          // A notification update per row would flood the UI; every 500 rows is plenty.
          if (n - reported < 500) return;
          progress.report({
            message: total !== undefined ? vscode.l10n.t('{0} of {1}', formatCount(n), formatCount(total)) : formatCount(n),
            ...(total ? { increment: ((n - reported) / total) * 100 } : {}),
          });
          reported = n;
        };
        const rows =
          choice.scope === 'selection' || !client
            ? selected
            : streamView(client, query, controller.signal, (n) => {
                total = n;
              });
        try {
          return await exportToFile(file, choice.format, counted(rows, onRow), controller.signal, { groupsById });
        } catch (e) {
          if (token.isCancellationRequested) return undefined;
          throw e;
        } finally {
          sub.dispose();
        }
      },
    );
    if (written === undefined) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Export cancelled; no file was written.'), 4000);
      return undefined;
    }
    this.#lastFolder = vscode.Uri.file(path.dirname(file));
    this.#offerOpen(choice.target, written);
    return written;
  }

  /** Not awaited: the export is done whether or not the user answers. */
  #offerOpen(target: vscode.Uri, count: number): void {
    const open = vscode.l10n.t('Open');
    vscode.window
      .showInformationMessage(vscode.l10n.t('Exported {0} SIM cards to {1}.', formatCount(count), path.basename(target.fsPath)), open)
      .then(async (answer) => {
        if (answer === open) await vscode.commands.executeCommand('vscode.open', target);
      })
      .then(undefined, () => undefined);
  }
}
