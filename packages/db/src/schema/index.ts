export * from './users';
export * from './audit';
export * from './lists';
export * from './subscribers';
export * from './editorial';
export * from './campaigns';
export * from './identity';
export * from './contributions';
