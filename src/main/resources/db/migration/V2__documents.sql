-- The registry of source documents events are cited from (data/documents.json), kept in the
-- database so SQL clients can join an event's citation_document to what the document is.
CREATE TABLE document (
  id                  text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  title               text NOT NULL,
  subtitle            text,
  publisher           text,
  published           date,
  -- the file's name in the documents folder (SAHEL_DOCUMENTS_DIR), and its bytes' SHA-256: the
  -- citation offsets hold only for that exact version of the text.
  file                text NOT NULL,
  sha256              text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  chars               integer NOT NULL CHECK (chars >= 0),
  paragraph_numbering text
);
