export * from './proposals';
export * from './moderation';
export * from './public';
export * from './fill';
