export * from './pool';
export { migrateUp, MIGRATIONS_DIR } from './migrate';
