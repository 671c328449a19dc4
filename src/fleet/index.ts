// The pure fleet domain model (no vscode): status, usage, grouping, sorting, filters,
// ranges, tooltips, search, and the FleetModel that owns what the tree shows.
export * from './bucketKeys';
export * from './dataAmount';
export * from './dates';
export * from './emitter';
export * from './filters';
export * from './fleetModel';
export * from './fleetNodes';
export * from './grouping';
export * from './groups';
export * from './loadStatus';
export * from './markdown';
export * from './ranges';
export * from './rowDescription';
export * from './searchIndex';
export * from './sorting';
export * from './status';
export * from './tags';
export * from './text';
export * from './tooltip';
export * from './usage';
export * from './viewOptions';
