-- Documents analysts upload: their text lives here, since the server's documents folder is
-- read-only data. The registry row stays in document (file is a nominal name; the text is
-- this row's). sha256 is of the uploaded bytes, so the same file uploaded twice is found.
CREATE TABLE document_text (
  document_id text PRIMARY KEY REFERENCES document (id),
  sha256      text NOT NULL UNIQUE,
  media_type  text NOT NULL,
  text        text NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- Candidate events the extractor proposed, and what a reviewer decided. The fingerprint
-- (passage offsets, dates, place) is unique per document, so a re-run proposes nothing already
-- proposed: a rejected candidate stays rejected.
CREATE TABLE event_candidate (
  id                  bigserial PRIMARY KEY,
  document_id         text NOT NULL REFERENCES document (id),
  fingerprint         text NOT NULL,
  paragraph           integer NOT NULL,
  passage_start       integer NOT NULL,
  passage_end         integer NOT NULL CHECK (passage_end > passage_start),
  date_start          date NOT NULL,
  date_end            date NOT NULL,
  date_precision      text NOT NULL,
  place_name          text NOT NULL,
  lon                 double precision NOT NULL,
  lat                 double precision NOT NULL,
  location_basis      text NOT NULL,
  location_confidence text NOT NULL,
  actors              text[] NOT NULL,
  category            text NOT NULL,
  title               text NOT NULL,
  summary             text NOT NULL,
  status              text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'accepted', 'rejected', 'merged')),
  event_id            text,
  decided_by          text,
  decided_at          timestamptz,
  proposed_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, fingerprint)
);
CREATE INDEX event_candidate_document ON event_candidate (document_id, status);
