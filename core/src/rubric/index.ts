export * from './items';
export * from './schema';
