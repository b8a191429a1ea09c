export * from './platform-config';
export * from './auth-config';
