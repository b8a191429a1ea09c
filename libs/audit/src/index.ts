export * from './audit-record.types';
export * from './audit.errors';
export { normaliseEntry, roleCode } from './access-entry';
export * from './canonical-record';
export * from './chain-walker';
export * from './audit-log';
export * from './access-purposes';
