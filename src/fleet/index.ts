// The pure fleet domain model (no vscode): status, usage, grouping, sorting, filters,
// ranges, tooltips and search over plain SIM records.
export * from './dates';
export * from './filters';
export * from './grouping';
export * from './groups';
export * from './markdown';
export * from './ranges';
export * from './search';
export * from './sorting';
export * from './status';
export * from './tags';
export * from './text';
export * from './tooltip';
export * from './usage';
