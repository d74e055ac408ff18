/**
 * One schema change. `statements` run in order inside one transaction; the version is recorded in
 * `schema_migrations` so each migration runs exactly once per database.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/**
 * The canonical schema (DESIGN.md §5) as an ordered list of migrations. Append new migrations at the
 * end; never edit one that has shipped. Types are the common subset of DuckDB and PostgreSQL.
 *
 * @example
 * for (const m of migrations) console.log(m.version, m.name);
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "canonical schema",
    statements: [
      `CREATE TABLE customers (
        id VARCHAR PRIMARY KEY,
        created_at TIMESTAMP,
        segment VARCHAR,
        region VARCHAR,
        country VARCHAR,
        branch VARCHAR,
        owner VARCHAR,
        channel VARCHAR,
        acquisition_cost DOUBLE,
        category_budget DOUBLE,
        tags VARCHAR,
        load_id INTEGER
      )`,
      `CREATE TABLE transactions (
        id VARCHAR NOT NULL,
        customer_id VARCHAR,
        occurred_at TIMESTAMP NOT NULL,
        amount DOUBLE NOT NULL,
        cost DOUBLE,
        quantity DOUBLE,
        unit_price DOUBLE,
        product VARCHAR,
        description VARCHAR,
        category VARCHAR,
        channel VARCHAR,
        branch VARCHAR,
        employee VARCHAR,
        country VARCHAR,
        discount DOUBLE,
        payment_status VARCHAR,
        order_id VARCHAR,
        load_id INTEGER
      )`,
      `CREATE TABLE activity (
        id VARCHAR NOT NULL,
        customer_id VARCHAR NOT NULL,
        occurred_at TIMESTAMP NOT NULL,
        type VARCHAR NOT NULL,
        load_id INTEGER
      )`,
      `CREATE TABLE complaints (
        id VARCHAR NOT NULL,
        customer_id VARCHAR NOT NULL,
        occurred_at TIMESTAMP NOT NULL,
        channel VARCHAR,
        category VARCHAR,
        severity VARCHAR,
        employee VARCHAR,
        branch VARCHAR,
        status VARCHAR,
        resolved_at TIMESTAMP,
        text VARCHAR,
        load_id INTEGER
      )`,
      `CREATE TABLE survey_responses (
        id VARCHAR NOT NULL,
        customer_id VARCHAR NOT NULL,
        occurred_at TIMESTAMP NOT NULL,
        survey VARCHAR NOT NULL,
        question VARCHAR,
        score DOUBLE,
        reason VARCHAR,
        text VARCHAR,
        load_id INTEGER
      )`,
      `CREATE TABLE contacts (
        id VARCHAR PRIMARY KEY,
        customer_id VARCHAR NOT NULL,
        alert_id VARCHAR,
        occurred_at TIMESTAMP NOT NULL,
        channel VARCHAR,
        employee VARCHAR,
        outcome VARCHAR,
        exit_reason VARCHAR,
        note VARCHAR,
        follow_up_at TIMESTAMP
      )`,
      `CREATE TABLE campaigns (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        strategy VARCHAR NOT NULL,
        audience VARCHAR,
        offer VARCHAR,
        cost_per_contact DOUBLE,
        cost_per_redemption DOUBLE,
        control_share DOUBLE,
        starts_at TIMESTAMP,
        ends_at TIMESTAMP,
        created_at TIMESTAMP
      )`,
      `CREATE TABLE campaign_members (
        campaign_id VARCHAR NOT NULL,
        customer_id VARCHAR NOT NULL,
        arm VARCHAR NOT NULL,
        assigned_at TIMESTAMP,
        redeemed_at TIMESTAMP,
        PRIMARY KEY (campaign_id, customer_id)
      )`,
      `CREATE TABLE targets (
        id VARCHAR PRIMARY KEY,
        metric VARCHAR NOT NULL,
        scope VARCHAR,
        baseline DOUBLE,
        goal DOUBLE NOT NULL,
        starts_at TIMESTAMP,
        deadline TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE alerts (
        id VARCHAR PRIMARY KEY,
        customer_id VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        status VARCHAR NOT NULL,
        rule VARCHAR,
        reason VARCHAR,
        value_at_stake DOUBLE,
        priority DOUBLE,
        owner VARCHAR,
        state VARCHAR NOT NULL,
        closed_at TIMESTAMP
      )`,
      `CREATE TABLE users (
        id VARCHAR PRIMARY KEY,
        email VARCHAR NOT NULL UNIQUE,
        name VARCHAR,
        role VARCHAR NOT NULL,
        branch VARCHAR,
        password_hash VARCHAR,
        locale VARCHAR,
        created_at TIMESTAMP
      )`,
      `CREATE TABLE loads (
        id INTEGER PRIMARY KEY,
        kind VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        started_at TIMESTAMP NOT NULL,
        rows_read BIGINT NOT NULL,
        rows_loaded BIGINT NOT NULL,
        rows_rejected BIGINT NOT NULL
      )`,
    ],
  },
];
