// Two projects: `unit` (pure rules, no server, runs in parallel) and `integration` (real
// PostgreSQL, Kafka and Temporal from the local stack; run in band by tools/test.sh).
const moduleNameMapper = {
  '^@app/(config|domain|event-store|messaging|workflow-contracts|observability|database|audit|auth|hub-policy|hub-policy-store)$': '<rootDir>/libs/$1/src',
  '^@app/(config|domain|event-store|messaging|workflow-contracts|observability|database|audit|auth|hub-policy|hub-policy-store)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testEnvironment: 'node',
  moduleNameMapper,
};
module.exports = {
  // Integration tests wait on real servers (and on restarts of them in the fault tests).
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
