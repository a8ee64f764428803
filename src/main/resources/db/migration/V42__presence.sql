-- Presence (issue 17): who has which briefing or AOI open right now, one row per open page.
-- UNLOGGED: it is minutes old at most and rebuilt by the pages' heartbeats, so it needs no WAL and
-- may be emptied by a crash. Every change that others should see (someone arrives, leaves, starts
-- editing or presenting, moves to another slide) is announced on its own channel, sahel_presence,
-- with the place as payload: unlike change_log it is not replayed to a page that was away, which
-- asks for the current list instead (GET /api/presence).

CREATE UNLOGGED TABLE presence (
  -- A random id the page makes when it loads: two tabs of one account are two presences.
  client   text PRIMARY KEY CHECK (client ~ '^[A-Za-z0-9_-]{8,64}$'),
  account  text NOT NULL REFERENCES account (name) ON DELETE CASCADE,
  -- "briefing:ID" or "aoi:ID"
  place    text NOT NULL CHECK (place ~ '^(briefing|aoi):[a-z0-9][a-z0-9-]{0,99}$'),
  mode     text NOT NULL CHECK (mode IN ('viewing', 'editing', 'presenting')),
  -- the slide shown, counted from 0, while presenting
  slide    integer CHECK (slide >= 0),
  seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX presence_place ON presence (place);
