export * from './principal';
export * from './authentication-error';
