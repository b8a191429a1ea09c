export * from './lifecycle-policy';
export * from './national-default-lifecycle-policy';
