import * as vscode from 'vscode';
import { StorageKeys } from '../util/ids';
import { DEFAULT_SORT_KEY, isFilterActive, isSortKey, normalizeFilter, parseStoredFilter, type SimFilter, type SortKey } from '../fleet';

const FILTER_KEY = StorageKeys.filter;
const SORT_KEY = StorageKeys.sort;

/** Filter and sort, saved per workspace so a reopened window shows the same view. */
export class ViewState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private filterValue: SimFilter;
  private sortValue: SortKey;

  constructor(private readonly memento: vscode.Memento) {
    this.filterValue = normalizeFilter(parseStoredFilter(memento.get(FILTER_KEY)));
    const sort = memento.get(SORT_KEY);
    this.sortValue = isSortKey(sort) ? sort : DEFAULT_SORT_KEY;
  }

  get filter(): SimFilter {
    return this.filterValue;
  }

  get sort(): SortKey {
    return this.sortValue;
  }

  get filterActive(): boolean {
    return isFilterActive(this.filterValue);
  }

  async setFilter(filter: SimFilter): Promise<void> {
    this.filterValue = normalizeFilter(filter);
    await this.memento.update(FILTER_KEY, this.filterValue);
    this.changed.fire();
  }

  async setSort(sort: SortKey): Promise<void> {
    this.sortValue = sort;
    await this.memento.update(SORT_KEY, sort);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
