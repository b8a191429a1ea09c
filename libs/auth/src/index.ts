export * from './principal';
export * from './authentication-error';
export * from './claims';
export * from './bearer-token';
export * from './token-verifier';
export * from './local-tokens';
