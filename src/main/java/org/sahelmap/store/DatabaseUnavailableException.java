package org.sahelmap.store;

import org.sahelmap.config.DatabaseUrl;

/** The database could not be reached or prepared; the message is one line a person can act on. */
public class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(DatabaseUrl url, String reason) {
    super(
        "cannot use the database at "
            + url.describe()
            + " ("
            + reason
            + "). Set DATABASE_URL to a reachable PostGIS database, or run scripts/setup-postgis.sh"
            + " to install and start a local one.");
  }
}
