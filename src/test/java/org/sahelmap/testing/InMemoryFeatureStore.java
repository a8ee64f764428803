package org.sahelmap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.sahelmap.json.Json;
import org.sahelmap.store.BulkUpsert;
import org.sahelmap.store.Extent;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.FeatureSink;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PropertyTypes;
import org.sahelmap.store.Reprojection;

/**
 * A {@link FeatureStore} held in memory, for handler, parameter, paging and error tests that need
 * no database. It answers as {@code PostgisFeatureStore} does for everything it supports ({@code
 * FeatureStoreContract} runs the same checks against both): layers in display order, features in
 * insertion order with an upsert keeping a feature's place, polygons wound as RFC 7946 asks, the
 * bbox (across the antimeridian too), time-window, category and text filters, property selection
 * and skipGeometry. What is SQL by nature is refused with {@link UnsupportedOperationException}: a
 * CQL2 filter or sortby (an {@code SqlCondition}), reprojection, and work run on a bulk write's
 * connection. Test those against PostGIS.
 */
public final class InMemoryFeatureStore implements FeatureStore {
  private static final int DECIMALS = 6;
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private record Stored(
      String id, Geometry geometry, ObjectNode properties, Instant start, Instant end) {}

  private record Held(Layer layer, LinkedHashMap<String, Stored> features) {}

  private final Map<String, Held> layers = new LinkedHashMap<>();
  private Instant lastStamp = Instant.EPOCH;

  @Override
  public synchronized List<Layer> layers() {
    return layers.values().stream()
        .map(Held::layer)
        .sorted(java.util.Comparator.comparingInt(Layer::displayOrder).thenComparing(Layer::id))
        .toList();
  }

  @Override
  public synchronized Optional<Layer> layer(String id) {
    return Optional.ofNullable(layers.get(id)).map(Held::layer);
  }

  @Override
  public synchronized Extent extent(String layerId) {
    Envelope box = new Envelope();
    Instant t0 = null;
    Instant t1 = null;
    long n = 0;
    for (Stored f : features(layerId)) {
      box.expandToInclude(f.geometry().getEnvelopeInternal());
      t0 = f.start() != null && (t0 == null || f.start().isBefore(t0)) ? f.start() : t0;
      t1 = f.end() != null && (t1 == null || f.end().isAfter(t1)) ? f.end() : t1;
      n++;
    }
    double[] bbox =
        n == 0 ? null : new double[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()};
    return new Extent(bbox, t0, t1, n);
  }

  @Override
  public synchronized void replaceLayers(List<LayerData> replaced) {
    // Built aside and swapped in at the end: a record that fails leaves every layer as it was.
    Map<String, Held> next = new LinkedHashMap<>(layers);
    for (LayerData data : replaced) {
      Held old = next.get(data.layer().id());
      LinkedHashMap<String, Stored> features =
          data.keepOtherFeatures() && old != null
              ? new LinkedHashMap<>(old.features())
              : new LinkedHashMap<>();
      for (FeatureRecord f : data.features()) {
        put(features, f);
      }
      next.put(data.layer().id(), new Held(stamped(data.layer()), features));
    }
    layers.clear();
    layers.putAll(next);
  }

  @Override
  public synchronized void upsertFeatures(String layerId, List<FeatureRecord> records) {
    Held held = held(layerId);
    LinkedHashMap<String, Stored> features = new LinkedHashMap<>(held.features());
    for (FeatureRecord f : records) {
      put(features, f);
    }
    layers.put(layerId, new Held(stamped(held.layer()), features));
  }

  @Override
  public BulkUpsert openUpsert(LayerData base) {
    return new MemoryUpsert(base);
  }

  @Override
  public synchronized long count(String layerId, ItemQuery query) {
    return matches(layerId, query).size();
  }

  @Override
  public long stream(String layerId, ItemQuery query, FeatureSink sink) throws IOException {
    List<Stored> page = pageOf(matches(layerId, query), query.offset(), query.limit());
    for (Stored f : page) {
      write(f, query.output(), sink);
    }
    return page.size();
  }

  @Override
  public Page page(String layerId, ItemQuery query, FeatureSink sink) throws IOException {
    List<Stored> all = matches(layerId, query);
    List<Stored> page = pageOf(all, query.offset(), query.limit());
    for (Stored f : page) {
      write(f, query.output(), sink);
    }
    boolean counted = query.limit() == ItemQuery.UNLIMITED || all.size() <= COUNT_CAP;
    return new Page(
        page.size(),
        counted ? OptionalLong.of(all.size()) : OptionalLong.empty(),
        query.limit() != ItemQuery.UNLIMITED && query.offset() + page.size() < all.size());
  }

  @Override
  public synchronized Optional<StoredFeature> feature(String layerId, String featureId) {
    Held held = layers.get(layerId);
    return held == null
        ? Optional.empty()
        : Optional.ofNullable(held.features().get(featureId)).map(f -> stored(f, null));
  }

  @Override
  public Optional<String> geometryIn(String layerId, String featureId, Reprojection crs) {
    throw new UnsupportedOperationException("reprojection is PostGIS's: test it against PostGIS");
  }

  @Override
  public synchronized Optional<LayerFeature> layerFeature(String layerId, String featureId) {
    return layer(layerId).map(l -> new LayerFeature(l, feature(layerId, featureId)));
  }

  @Override
  public synchronized Map<String, PropertyTypes.Type> propertyTypes(String layerId) {
    // Per name, the types seen (as PostGIS groups by name and type), then merged: two types of one
    // name are "mixed".
    Map<String, List<JsonNode>> seen = new TreeMap<>();
    features(layerId).stream()
        .limit(PropertyTypes.SAMPLE)
        .forEach(
            f ->
                f.properties()
                    .fields()
                    .forEachRemaining(
                        e -> {
                          if (!e.getValue().isNull()) {
                            seen.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                .add(e.getValue());
                          }
                        }));
    Map<String, PropertyTypes.Type> types = new TreeMap<>();
    seen.forEach((name, values) -> types.put(name, typeOf(values)));
    return types;
  }

  private static PropertyTypes.Type typeOf(List<JsonNode> values) {
    String json = jsonType(values.get(0));
    if (values.stream().anyMatch(v -> !jsonType(v).equals(json))) {
      return new PropertyTypes.Type("mixed", false, false);
    }
    boolean integer =
        values.stream().allMatch(v -> !v.isNumber() || WHOLE.matcher(v.toString()).matches());
    boolean date =
        values.stream().allMatch(v -> !v.isTextual() || DATE.matcher(v.asText()).matches());
    String items = null;
    if (json.equals("array")) {
      List<String> first =
          values.stream().filter(v -> !v.isEmpty()).map(v -> jsonType(v.get(0))).toList();
      items =
          !first.isEmpty() && first.stream().allMatch(first.get(0)::equals) ? first.get(0) : null;
    }
    return new PropertyTypes.Type(json, integer, date, items);
  }

  /** The name {@code jsonb_typeof} gives a value's type. */
  private static String jsonType(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "null";
    };
  }

  private synchronized List<Stored> matches(String layerId, ItemQuery q) {
    if (q.filter() != null || (q.output() != null && q.output().orderBy() != null)) {
      throw new UnsupportedOperationException(
          "CQL2 filters and sortby are SQL: test them against PostGIS");
    }
    if (q.output() != null && q.output().crs() != null) {
      throw new UnsupportedOperationException("reprojection is PostGIS's: test it against PostGIS");
    }
    return features(layerId).stream().filter(f -> matches(f, q)).toList();
  }

  private static boolean matches(Stored f, ItemQuery q) {
    if (q.bbox() != null && !inBox(f.geometry(), q)) {
      return false;
    }
    // As the SQL's coalesce: a feature known by one end is an instant; one with neither never
    // matches a window.
    Instant first = f.start() != null ? f.start() : f.end();
    Instant last = f.end() != null ? f.end() : f.start();
    if (q.to() != null && (first == null || first.isAfter(q.to()))) {
      return false;
    }
    if (q.from() != null && (last == null || last.isBefore(q.from()))) {
      return false;
    }
    if (!q.categories().isEmpty()) {
      JsonNode c = f.properties().get("category");
      if (c == null || c.isNull() || !q.categories().contains(text(c))) {
        return false;
      }
    }
    if (q.text() != null) {
      String searched =
          String.join(
              " ",
              member(f, "title"),
              member(f, "summary"),
              member(f, "place_name"),
              member(f, "actors"));
      return searched.toLowerCase(Locale.ROOT).contains(q.text().toLowerCase(Locale.ROOT));
    }
    return true;
  }

  private static boolean inBox(Geometry g, ItemQuery q) {
    double[] b = q.bbox();
    GeometryFactory gf = g.getFactory();
    if (q.crossesAntimeridian()) {
      return g.intersects(gf.toGeometry(new Envelope(b[0], 180, b[1], b[3])))
          || g.intersects(gf.toGeometry(new Envelope(-180, b[2], b[1], b[3])));
    }
    return g.intersects(gf.toGeometry(new Envelope(b[0], b[2], b[1], b[3])));
  }

  /** {@code properties->>'name'}: a string as itself, anything else as its JSON, null as "". */
  private static String member(Stored f, String name) {
    JsonNode v = f.properties().get(name);
    return v == null || v.isNull() ? "" : text(v);
  }

  private static String text(JsonNode v) {
    return v.isTextual() ? v.asText() : v.toString();
  }

  private static List<Stored> pageOf(List<Stored> all, long offset, long limit) {
    int from = (int) Math.min(offset, all.size());
    int to = (int) Math.min(all.size(), limit == ItemQuery.UNLIMITED ? all.size() : from + limit);
    return all.subList(from, to);
  }

  private static void write(Stored f, ItemQuery.Output out, FeatureSink sink) throws IOException {
    StoredFeature s = stored(f, out);
    sink.accept(s.id(), s.geometryJson(), s.propertiesJson());
  }

  private static StoredFeature stored(Stored f, ItemQuery.Output out) {
    String geometry = out != null && out.skipGeometry() ? "null" : geoJson(f.geometry());
    ObjectNode properties = f.properties();
    if (out != null && out.properties() != null) {
      properties = Json.MAPPER.createObjectNode();
      for (var e : (Iterable<Map.Entry<String, JsonNode>>) f.properties()::fields) {
        if (out.properties().contains(e.getKey())) {
          properties.set(e.getKey(), e.getValue());
        }
      }
    }
    return new StoredFeature(f.id(), geometry, properties.toString());
  }

  private static String geoJson(Geometry g) {
    GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
    writer.setEncodeCRS(false);
    return writer.write(g);
  }

  private List<Stored> features(String layerId) {
    Held held = layers.get(layerId);
    return held == null ? List.of() : List.copyOf(held.features().values());
  }

  private Held held(String layerId) {
    Held held = layers.get(layerId);
    if (held == null) {
      throw new org.sahelmap.store.StoreException("no layer " + layerId, null);
    }
    return held;
  }

  /** The layer as written now: {@code updated_at} moves on every write, as the ETags rely on. */
  private Layer stamped(Layer l) {
    Instant now = Instant.now();
    lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusNanos(1000);
    return new Layer(
        l.id(),
        l.title(),
        l.description(),
        l.kind(),
        l.metadata(),
        l.computedAt(),
        lastStamp,
        l.displayOrder());
  }

  /** Matched on id; an existing feature keeps its place in the order, as an upsert keeps seq. */
  private static void put(Map<String, Stored> features, FeatureRecord f) {
    JsonNode properties = Json.MAPPER.valueToTree(f.properties());
    features.put(
        f.id(),
        new Stored(f.id(), wound(f.geometry()), (ObjectNode) properties, f.start(), f.end()));
  }

  /** Exterior rings counter-clockwise and holes clockwise (RFC 7946), as the PostGIS store. */
  private static Geometry wound(Geometry g) {
    return new GeometryTransformer() {
      @Override
      protected Geometry transformPolygon(Polygon p, Geometry parent) {
        LinearRing shell = ring(p.getExteriorRing(), true);
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
          holes[i] = ring(p.getInteriorRingN(i), false);
        }
        return factory.createPolygon(shell, holes);
      }

      private LinearRing ring(LinearRing r, boolean ccw) {
        boolean is = Orientation.isCCW(r.getCoordinateSequence());
        return is == ccw ? r : r.reverse();
      }
    }.transform(g);
  }

  /** A bulk write held aside until commit, as PostGIS stages one in a temporary table. */
  private final class MemoryUpsert implements BulkUpsert {
    private final LayerData base;
    private final List<FeatureRecord> added = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();

    MemoryUpsert(LayerData base) {
      this.base = base;
    }

    @Override
    public void add(long line, FeatureRecord feature) {
      added.add(feature);
      lines.add(line);
    }

    @Override
    public long added() {
      return added.size();
    }

    @Override
    public Duplicates duplicates(int limit) {
      Map<String, Long> first = new LinkedHashMap<>();
      List<Duplicate> repeats = new ArrayList<>();
      for (int i = 0; i < added.size(); i++) {
        Long was = first.putIfAbsent(added.get(i).id(), lines.get(i));
        if (was != null) {
          repeats.add(new Duplicate(added.get(i).id(), lines.get(i), was));
        }
      }
      return new Duplicates(repeats.stream().limit(limit).toList(), repeats.size());
    }

    @Override
    public long commit() {
      if (duplicates(1).count() > 0) {
        throw new org.sahelmap.store.StoreException("ids added more than once", null);
      }
      synchronized (InMemoryFeatureStore.this) {
        if (!layers.containsKey(base.layer().id())) {
          replaceLayers(List.of(base));
        }
        upsertFeatures(base.layer().id(), added);
      }
      return added.size();
    }

    @Override
    public long commit(Step alsoInTransaction) {
      throw new UnsupportedOperationException(
          "work on a bulk write's connection needs PostGIS: test it there");
    }

    @Override
    public Optional<StoredFeature> lockFeature(String id) {
      return feature(base.layer().id(), id);
    }

    @Override
    public void close() {}
  }
}
