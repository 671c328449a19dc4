// Runs loads of the fleet into the one FleetModel: the thin vscode side of the model (the
// client, progress, persisted options). The model decides what a change means; this class
// only fetches when it says so.
import * as vscode from 'vscode';
import { FleetModel, parseStoredOptions, toSimCardQuery, type FleetLoad, type LoadResult, type ViewOptions } from '../fleet';
import { TurnQueue } from '../fleet/turnQueue';
import { AuthenticationError, errorKind, isTelnyxError, type TelnyxClient } from '../telnyx';
import type { SimCardListing } from '../telnyx/client';
import { readSettings } from '../config';
import { StorageKeys } from '../util/ids';
import type { ClientProvider } from './clientProvider';

/** What the view shows as a whole: the welcome view, a load, the list, or an error. */
export type FleetPhase = 'noKey' | 'loading' | 'loaded' | 'error';

/** Shows progress for a load (the view decides where). */
export type ProgressRunner = (task: () => Promise<void>) => Thenable<void>;

const PARTIAL_REASONS: Readonly<Record<'changed' | 'inconsistent' | 'limit', () => string>> = {
  changed: () => vscode.l10n.t('the fleet changed while loading'),
  inconsistent: () => vscode.l10n.t('the pages from the API did not add up'),
  limit: () => vscode.l10n.t('the list is larger than this view holds'),
};

/** The listing's verdict as the model's load result. */
export function toLoadResult(listing: SimCardListing): LoadResult {
  if (listing.complete) return { kind: 'complete' };
  return { kind: 'partial', expected: listing.expectedTotal ?? listing.count, reason: PARTIAL_REASONS[listing.reason]() };
}

/** The stored options, or those kept under the older separate filter and sort keys. */
function storedOptions(memento: vscode.Memento): unknown {
  const stored = memento.get<unknown>(StorageKeys.viewOptions);
  if (stored !== undefined) return stored;
  const filter = memento.get<unknown>(StorageKeys.filter);
  const sort = memento.get<unknown>(StorageKeys.sort);
  return { ...(filter !== undefined ? { filter } : {}), ...(sort !== undefined ? { sort } : {}) };
}

export class FleetService implements vscode.Disposable {
  readonly model: FleetModel;
  #noKey = false;
  #inFlight: AbortController | undefined;
  readonly #completed = new vscode.EventEmitter<void>();
  /** Each completed (or clearly partial) load: open details panels follow it (reading only their own SIMs). */
  readonly onDidCompleteLoad = this.#completed.event;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #memento: vscode.Memento;
  readonly #clients: ClientProvider;
  readonly #withProgress: ProgressRunner;

  constructor(memento: vscode.Memento, clients: ClientProvider, withProgress: ProgressRunner) {
    this.#memento = memento;
    this.#clients = clients;
    this.#withProgress = withProgress;
    // The setting is only the default grouping; what the user picks is kept per workspace.
    const defaults: ViewOptions = { filter: {}, sort: 'iccid', groupBy: readSettings().groupBy };
    this.model = new FleetModel(parseStoredOptions(storedOptions(memento), defaults));
    this.#disposables.push(
      this.#completed,
      this.model.onDidChange((change) => {
        if (change.options) this.#memento.update(StorageKeys.viewOptions, this.model.options).then(undefined, () => undefined);
        const kind = this.model.status.kind;
        if (change.status && (kind === 'complete' || kind === 'partial') && !this.#noKey) this.#completed.fire();
      }),
      clients.onDidChange(() => {
        // Another key or server may be another account: its groups come with the next load.
        this.model.setGroups([]);
        this.refreshInBackground();
      }),
      // Telnyx refused the key somewhere (a page, a panel): the tree says so and keeps its SIMs.
      clients.onDidRejectKey(() => {
        const status = this.model.status;
        if (status.kind !== 'error' || errorKind(status.error) !== 'auth') this.#fail(new AuthenticationError('rejected'));
      }),
    );
  }

  get phase(): FleetPhase {
    if (this.#noKey) return 'noKey';
    switch (this.model.status.kind) {
      case 'idle':
      case 'loading':
        return 'loading';
      case 'error':
        return 'error';
      default:
        return 'loaded';
    }
  }

  /** True when the last load ended and the list is final (complete or clearly partial). */
  get settled(): boolean {
    return this.phase === 'loaded';
  }

  /**
   * Applies new view options; loads again only when the model says a request is needed
   * (a filter, or a sort the API must do). Regrouping and client-side sorts are instant.
   */
  async setOptions(partial: Partial<ViewOptions>): Promise<void> {
    const change = this.model.setOptions(partial);
    if (change.request) await this.refresh();
  }

  /** Loads the fleet for the current options; a new refresh cancels the one in flight. */
  async refresh(): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#inFlight = controller;
    let client: TelnyxClient | undefined;
    try {
      client = await this.#clients.get();
    } catch (error) {
      // The client refuses bad settings (e.g. a base URL that is not http(s)).
      if (this.#inFlight === controller) this.#fail(error);
      return;
    }
    if (this.#inFlight !== controller) return;
    if (!client) {
      this.#setNoKey();
      return;
    }
    this.#noKey = false;
    await this.#withProgress(() => this.#load(client, controller));
  }

  async #load(client: TelnyxClient, controller: AbortController): Promise<void> {
    const { signal } = controller;
    let load = this.model.beginLoad();
    // Groups give names and data limits; they fill in whenever they come and never hold back SIMs.
    client
      .listAllSimCardGroups(signal)
      .then((groups) => {
        if (!signal.aborted) this.model.setGroups(groups);
      })
      .catch(() => undefined);
    const options = this.model.options;
    // Page size and concurrency are the client's (set once from the settings).
    const query = toSimCardQuery(options.filter, options.sort);
    // Pages (and retry notes, to keep their order) reach the model one per turn of the event loop:
    // pages arriving together never hold the extension host for long. Each goes to the load that was
    // current when it arrived (a load replaced by a restart ignores it).
    const queue = new TurnQueue();
    const later = (task: (l: FleetLoad) => void): void => {
      const l = load;
      queue.push(() => task(l));
    };
    // A retried request shows as "Retrying (2 of 3)…" until the next page arrives.
    const retries = this.#clients.onDidRetry((info) => {
      if (!signal.aborted)
        later((l) => l.progress({ retry: { attempt: info.attempt, maxAttempts: info.maxAttempts, delayMs: info.delayMs } }));
    });
    try {
      const listing = await client.listAllSimCards(query, {
        signal,
        onPage: (page, progress) => later((l) => l.addPage(page, { total: progress.totalResults })),
        // The model keeps every SIM; the listing need not keep them too until it ends.
        keepItems: false,
        // The listing starts over: what came so far is void, the staged list starts again.
        onRestart: () => {
          load = this.model.beginLoad();
        },
      });
      await queue.drained();
      load.end(toLoadResult(listing));
    } catch (error) {
      // The pages that came before the failure still show.
      await queue.drained().catch(() => undefined);
      const cancelled = isTelnyxError(error) && error.kind === 'cancelled';
      load.end(cancelled ? { kind: 'cancelled' } : { kind: 'error', error });
    } finally {
      retries.dispose();
      if (this.#inFlight === controller) this.#inFlight = undefined;
    }
  }

  /** A refresh nobody waits for (settings or key changed); failures show in the view. */
  refreshInBackground(): void {
    this.refresh().catch((error: unknown) => this.#fail(error));
  }

  /** The welcome view: no key, so nothing to load and nothing to keep. */
  #setNoKey(): void {
    this.cancel();
    this.#noKey = true;
    this.model.replaceAll([]);
  }

  /** A failure outside a load (bad settings, a key refused elsewhere): the last SIMs stay. */
  #fail(error: unknown): void {
    this.cancel();
    this.model.beginLoad().end({ kind: 'error', error });
  }

  cancel(): void {
    this.#inFlight?.abort();
    this.#inFlight = undefined;
  }

  dispose(): void {
    this.cancel();
    for (const d of this.#disposables) d.dispose();
    this.model.dispose();
  }
}
