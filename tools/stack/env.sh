# Ports and credentials of the local stack, shared by stack.sh, platform.sh and test.sh.
# Unusual ports so the stack never collides with a PostgreSQL or Kafka already on a machine.
PG_PORT="${MASH_PG_PORT:-55432}"
PGUSER_LOCAL=mash
PGPASSWORD_LOCAL=mash-local-only
KAFKA_PORT="${MASH_KAFKA_PORT:-59092}"
KAFKA_CONTROLLER_PORT="${MASH_KAFKA_CONTROLLER_PORT:-59093}"
KAFKA_CLUSTER_ID=mash-local-kraft-01
TEMPORAL_PORT="${MASH_TEMPORAL_PORT:-57233}"
TEMPORAL_UI_PORT="${MASH_TEMPORAL_UI_PORT:-58233}"

LOCAL_DATABASE_URL="postgres://$PGUSER_LOCAL:$PGPASSWORD_LOCAL@127.0.0.1:$PG_PORT/mash"
LOCAL_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
LOCAL_TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"

# Prints export lines for every address not already set from outside.
print_env() {
  echo "export DATABASE_URL='${DATABASE_URL:-$LOCAL_DATABASE_URL}'"
  echo "export KAFKA_BROKERS='${KAFKA_BROKERS:-$LOCAL_KAFKA_BROKERS}'"
  echo "export TEMPORAL_ADDRESS='${TEMPORAL_ADDRESS:-$LOCAL_TEMPORAL_ADDRESS}'"
}
