// What a details panel needs beyond the registry, read when the first panel opens: a chunk of
// the bundle, so activation reads neither the view model nor the page and its strings.
export { DetailsPanel } from './detailsPanel';
export { detailsStrings } from '../details/hostStrings';
export { renderDetailsShell } from '../details/html';
export { panelTitle } from '../details/viewModel';
export { isPersistedState } from '../details/messages';
