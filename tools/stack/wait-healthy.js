// Waits until each named service of the local stack answers a real request (not just an open
// port), or prints the state of all three with --status. Plain JS so it runs before any build.
'use strict';
const { execSync } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');
const { Kafka, logLevel } = require('kafkajs');
const { Connection } = require('@temporalio/client');

const env = Object.fromEntries(
  execSync(`bash -c 'source "${path.join(__dirname, 'env.sh')}"; print_env'`)
    .toString()
    .trim()
    .split('\n')
    .map((line) => line.replace(/^export /, '').split(/=(.*)/s).slice(0, 2))
    .map(([k, v]) => [k, v.replace(/^'|'$/g, '')]),
);

const checks = {
  async postgres() {
    const url = new URL(env.DATABASE_URL);
    const database = url.pathname.slice(1);
    url.pathname = '/postgres';
    const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 2000 });
    await client.connect();
    try {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
      return `${url.host}/${database}`;
    } finally {
      await client.end();
    }
  },
  async kafka() {
    const kafka = new Kafka({
      clientId: 'stack-health',
      brokers: env.KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 2000,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      return `${env.KAFKA_BROKERS} (${cluster.brokers.length} broker, controller ${cluster.controller})`;
    } finally {
      await admin.disconnect();
    }
  },
  async temporal() {
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS, connectTimeout: 2000 });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      return `${env.TEMPORAL_ADDRESS} (server ${info.serverVersion})`;
    } finally {
      await connection.close();
    }
  },
};

async function waitFor(name, timeoutMs) {
  const started = Date.now();
  let lastError;
  while (Date.now() - started < timeoutMs) {
    try {
      const detail = await checks[name]();
      console.error(`[stack] ${name} healthy: ${detail} (${Date.now() - started} ms)`);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${name} not healthy after ${timeoutMs} ms: ${lastError && lastError.message}`);
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--status') {
    for (const name of Object.keys(checks)) {
      try {
        console.log(`${name.padEnd(9)} up    ${await checks[name]()}`);
      } catch (error) {
        console.log(`${name.padEnd(9)} down  ${error.message}`);
        process.exitCode = 3;
      }
    }
    return;
  }
  const timeoutMs = Number(process.env.MASH_STACK_WAIT_MS || 120000);
  await Promise.all(args.map((name) => waitFor(name, timeoutMs)));
}

main().catch((error) => {
  console.error(`[stack] ${error.message}`);
  process.exit(1);
});
