// What the overview needs once it opens, read then: a chunk of the bundle, so activation reads
// neither the model builder nor the page and its strings.
export { buildOverviewModel } from '../fleet/overview';
export { isOverviewWebviewMessage } from '../fleet/overviewMessages';
export { renderOverviewShell } from './ui/overview/html';
export { hostOverviewStrings } from './overviewPanelStrings';
