export * from './working-time.types';
export * from './working-time';
