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
  {
    version: 2,
    name: "customer scores and model fits",
    statements: [
      // One row per customer, replaced as a whole by each `vafa clv score` run.
      `CREATE TABLE customer_scores (
        customer_id VARCHAR PRIMARY KEY,
        model VARCHAR NOT NULL,
        scored_at TIMESTAMP NOT NULL,
        calibration_end DATE,
        horizon_days INTEGER,
        p_alive DOUBLE,
        expected_purchases DOUBLE,
        expected_spend DOUBLE,
        clv DOUBLE,
        historical_value DOUBLE
      )`,
      // Every fit made from the store, so later steps can read the latest parameters of a model.
      `CREATE TABLE model_fits (
        id VARCHAR PRIMARY KEY,
        model VARCHAR NOT NULL,
        fitted_at TIMESTAMP NOT NULL,
        params VARCHAR NOT NULL,
        std_errors VARCHAR,
        log_likelihood DOUBLE,
        n BIGINT,
        calibration_end DATE,
        unit VARCHAR
      )`,
    ],
  },
  {
    version: 3,
    name: "saved segments",
    statements: [
      // Named segment rules (the rule language of parseRule), validated before they are stored.
      `CREATE TABLE segments (
        name VARCHAR PRIMARY KEY,
        rule VARCHAR NOT NULL,
        description VARCHAR,
        created_at TIMESTAMP
      )`,
    ],
  },
  {
    version: 4,
    name: "defection statuses, worklist and webhooks",
    statements: [
      // The current status of each customer, rewritten only for customers whose status changed.
      `CREATE TABLE customer_status (
        customer_id VARCHAR PRIMARY KEY,
        status VARCHAR NOT NULL,
        since DATE NOT NULL,
        rule VARCHAR,
        reason VARCHAR,
        as_of DATE NOT NULL,
        updated_at TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE status_history (
        customer_id VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        previous_status VARCHAR,
        changed_on DATE NOT NULL,
        rule VARCHAR,
        as_of DATE NOT NULL,
        recorded_at TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE defection_runs (
        id VARCHAR PRIMARY KEY,
        as_of DATE NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        customers BIGINT,
        changed BIGINT,
        alerts BIGINT,
        rules VARCHAR
      )`,
      // Worklist fields: who took the alert and when, why it closed, and what the reason was made of.
      "ALTER TABLE alerts ADD COLUMN assignee VARCHAR",
      "ALTER TABLE alerts ADD COLUMN taken_at TIMESTAMP",
      "ALTER TABLE alerts ADD COLUMN closed_reason VARCHAR",
      "ALTER TABLE alerts ADD COLUMN value_basis VARCHAR",
      "ALTER TABLE alerts ADD COLUMN p_alive DOUBLE",
      "ALTER TABLE alerts ADD COLUMN branch VARCHAR",
      "ALTER TABLE alerts ADD COLUMN as_of DATE",
      "ALTER TABLE alerts ADD COLUMN reason_facts VARCHAR",
      `CREATE TABLE webhooks (
        id VARCHAR PRIMARY KEY,
        url VARCHAR NOT NULL,
        secret VARCHAR NOT NULL,
        active BOOLEAN NOT NULL,
        created_at TIMESTAMP NOT NULL
      )`,
      // The outbox: written in the alert's transaction, drained by the delivery worker.
      `CREATE TABLE webhook_deliveries (
        id VARCHAR PRIMARY KEY,
        webhook_id VARCHAR NOT NULL,
        event VARCHAR NOT NULL,
        alert_id VARCHAR,
        payload VARCHAR NOT NULL,
        state VARCHAR NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TIMESTAMP NOT NULL,
        last_status INTEGER,
        last_error VARCHAR,
        created_at TIMESTAMP NOT NULL,
        delivered_at TIMESTAMP
      )`,
    ],
  },
  {
    version: 5,
    name: "application state: sessions, API tokens, audit log, settings, jobs",
    // Portable DDL: the PostgreSQL state store (packages/server) runs these same statements, so only
    // types both engines spell alike. Times are epoch milliseconds (BIGINT): no time-zone ambiguity
    // between drivers. Secrets (session and API tokens) are stored as SHA-256 hashes, never in clear.
    statements: [
      "ALTER TABLE users ADD COLUMN calendar VARCHAR",
      "ALTER TABLE users ADD COLUMN disabled BOOLEAN",
      `CREATE TABLE sessions (
        token_hash VARCHAR PRIMARY KEY,
        user_id VARCHAR NOT NULL,
        csrf_token VARCHAR NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      `CREATE TABLE api_tokens (
        id VARCHAR PRIMARY KEY,
        user_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        token_hash VARCHAR NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT
      )`,
      `CREATE TABLE audit_log (
        id VARCHAR PRIMARY KEY,
        occurred_at BIGINT NOT NULL,
        actor_id VARCHAR,
        actor_email VARCHAR,
        action VARCHAR NOT NULL,
        target VARCHAR,
        details VARCHAR
      )`,
      `CREATE TABLE settings (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL,
        updated_at BIGINT NOT NULL,
        updated_by VARCHAR
      )`,
      `CREATE TABLE jobs (
        id VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        state VARCHAR NOT NULL,
        progress REAL NOT NULL,
        result VARCHAR,
        error VARCHAR,
        problems VARCHAR,
        created_by VARCHAR,
        created_at BIGINT NOT NULL,
        finished_at BIGINT
      )`,
    ],
  },
  {
    version: 6,
    name: "complaint management",
    statements: [
      // How a complaint was resolved (free text), who works it, and when its status last changed.
      "ALTER TABLE complaints ADD COLUMN resolution VARCHAR",
      "ALTER TABLE complaints ADD COLUMN assignee VARCHAR",
      "ALTER TABLE complaints ADD COLUMN updated_at TIMESTAMP",
    ],
  },
  {
    version: 7,
    name: "retention programme: target names and periods",
    statements: [
      // A target is read per period (month, quarter, …) and shown by name; both are chosen at creation.
      "ALTER TABLE targets ADD COLUMN name VARCHAR",
      "ALTER TABLE targets ADD COLUMN period VARCHAR",
      "ALTER TABLE targets ADD COLUMN created_at TIMESTAMP",
    ],
  },
  {
    version: 8,
    name: "customer purchase days",
    statements: [
      // One row per customer and day of the stored timestamps, kept current by every load: the day's
      // net amount and its largest line (≥ 0 makes it a purchase day). Model summaries, the most
      // expensive queries, read it instead of grouping every transaction again.
      `CREATE TABLE customer_days (
        customer_id VARCHAR NOT NULL,
        day INTEGER NOT NULL,
        spend DOUBLE NOT NULL,
        top DOUBLE NOT NULL
      )`,
      `INSERT INTO customer_days
       SELECT customer_id, CAST(date_diff('day', DATE '1970-01-01', CAST(occurred_at AS DATE)) AS INTEGER),
         sum(amount), max(amount)
       FROM transactions WHERE customer_id IS NOT NULL GROUP BY 1, 2`,
    ],
  },
  {
    version: 9,
    name: "customer scores replaced whole",
    statements: [
      // Every scoring run replaces all rows, one per customer of its summary. Without a key index the
      // replacement is a plain delete and append: DuckDB rewrites an indexed million rows in minutes.
      `CREATE TABLE customer_scores_v9 (
        customer_id VARCHAR NOT NULL,
        model VARCHAR NOT NULL,
        scored_at TIMESTAMP NOT NULL,
        calibration_end DATE,
        horizon_days INTEGER,
        p_alive DOUBLE,
        expected_purchases DOUBLE,
        expected_spend DOUBLE,
        clv DOUBLE,
        historical_value DOUBLE
      )`,
      "INSERT INTO customer_scores_v9 SELECT * FROM customer_scores",
      "DROP TABLE customer_scores",
      "ALTER TABLE customer_scores_v9 RENAME TO customer_scores",
    ],
  },
  {
    version: 10,
    name: "exit reasons with their category",
    statements: [
      // An export gives a reason and the category it belongs to ("Competitor had better devices" in
      // "Competitor"), so value lost can be read at either level.
      "ALTER TABLE survey_responses ADD COLUMN reason_category VARCHAR",
    ],
  },
  {
    version: 11,
    name: "customer status versions",
    statements: [
      // Which defection run wrote a status (increasing): the same column orders the versions of a
      // customer's status in ClickHouse, where a newer row is appended instead of updated in place.
      "ALTER TABLE customer_status ADD COLUMN version BIGINT",
    ],
  },
  {
    version: 12,
    name: "fits keyed on the data and settings they saw",
    statements: [
      // A stored fit is reused until the data (newest load, row counts) or its settings change.
      "ALTER TABLE model_fits ADD COLUMN data_version VARCHAR",
      "ALTER TABLE model_fits ADD COLUMN settings VARCHAR",
    ],
  },
  {
    version: 13,
    name: "snapshot churn data and customer attributes",
    statements: [
      // A snapshot export (one row per customer) carries the status, the defection date when known
      // and the exit reason with its category; they feed the causes module as statuses and exit
      // answers do.
      "ALTER TABLE customers ADD COLUMN status VARCHAR",
      "ALTER TABLE customers ADD COLUMN defected_at TIMESTAMP",
      "ALTER TABLE customers ADD COLUMN exit_reason VARCHAR",
      "ALTER TABLE customers ADD COLUMN reason_category VARCHAR",
      // Every other column of a customers file, typed (text, number, yes/no, date): a long table
      // any engine can hold. `value` is the canonical text ("yes", "29.85", "2024-01-31"),
      // `number` the value of a number (1/0 for yes/no) for comparisons.
      `CREATE TABLE customer_attributes (
        customer_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        number DOUBLE,
        load_id INTEGER,
        PRIMARY KEY (customer_id, name)
      )`,
    ],
  },
  {
    version: 14,
    name: "alerts carry their customer's branch",
    statements: [
      // The worklist reads alerts alone (beside ClickHouse the customers are not in this file):
      // alerts raised before runs wrote the branch, or while the customer had none, take the
      // customer's branch now.
      `UPDATE alerts SET branch = (SELECT c.branch FROM customers c WHERE c.id = alerts.customer_id)
       WHERE branch IS NULL`,
    ],
  },
];
