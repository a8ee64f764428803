package org.sahelmap.api;

/**
 * Every {@code /ogc/collections} path, written once: the route patterns {@link AppFactory}
 * registers and the OpenAPI document lists, and the hrefs handlers and HTML views link to, built
 * from the same pieces so a path cannot be spelled two ways.
 */
final class OgcPaths {
  static final String COLLECTIONS = "/ogc/collections";
  static final String COLLECTION = COLLECTIONS + "/{collectionId}";
  static final String ITEMS = COLLECTION + "/items";
  static final String ITEM = ITEMS + "/{featureId}";
  static final String TILESETS = COLLECTION + "/tiles";
  static final String QUERYABLES = COLLECTION + "/queryables";
  static final String SCHEMA = COLLECTION + "/schema";

  private OgcPaths() {}

  static String collection(String id) {
    return COLLECTIONS + "/" + id;
  }

  static String items(String id) {
    return collection(id) + "/items";
  }

  static String item(String id, String featureId) {
    return items(id) + "/" + featureId;
  }

  static String queryables(String id) {
    return collection(id) + "/queryables";
  }

  static String schema(String id) {
    return collection(id) + "/schema";
  }

  static String tilesets(String id) {
    return collection(id) + "/tiles";
  }
}
