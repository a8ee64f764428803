-- Accounts, sessions and API tokens (issue 16). Sessions and tokens live here, not in a server's
-- memory, so any number of server instances behind one load balancer share them (no sticky
-- sessions). Only SHA-256 digests of session and token secrets are stored: a copy of this database
-- does not let anyone act as a user.

CREATE TABLE account (
  name          text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$'),
  role          text NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
  -- Argon2id in its PHC string form; NULL: the account cannot sign in with a password (e.g. it
  -- exists only to give a role to a name a trusted reverse proxy sends)
  password_hash text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled      boolean NOT NULL DEFAULT false
);

CREATE TABLE account_session (
  secret_sha256 bytea PRIMARY KEY,
  account_name  text NOT NULL REFERENCES account (name) ON DELETE CASCADE,
  -- sent back by the page in X-CSRF-Token on every write made with this session's cookie
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX account_session_account ON account_session (account_name);

CREATE TABLE api_token (
  secret_sha256 bytea PRIMARY KEY,
  account_name  text NOT NULL REFERENCES account (name) ON DELETE CASCADE,
  label         text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- What happened to accounts and sessions: sign-ins (and refused ones), sign-outs, accounts added,
-- changed or removed, tokens issued. Changes to AOIs and briefings are not copied here: their
-- version tables already say who did what when, and the audit view below reads them from there.
CREATE TABLE account_event (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL,
  action    text NOT NULL,
  target    text NOT NULL,
  detail    text NOT NULL DEFAULT ''
);
CREATE INDEX account_event_at ON account_event (at);

CREATE VIEW audit AS
  SELECT saved_at AS at, saved_by AS actor, operation AS action, 'aoi' AS kind,
         aoi_id AS target, version, '' AS detail
    FROM aoi_version
  UNION ALL
  SELECT saved_at, saved_by, operation, 'briefing', briefing_id, version, ''
    FROM briefing_version
  UNION ALL
  SELECT at, actor, action, 'account', target, NULL, detail
    FROM account_event;
