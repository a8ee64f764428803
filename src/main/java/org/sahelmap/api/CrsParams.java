package org.sahelmap.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.Reprojection;
import org.sahelmap.store.SqlCondition;

/**
 * OGC API Features Part 2 (CRS by reference): {@code crs} (the CRS of the answer's geometries) and
 * {@code bbox-crs} (the CRS of {@code bbox}), each one of {@link #SUPPORTED}. Features are stored
 * in CRS84; PostGIS reprojects on the way out, and a box in another CRS is reprojected to CRS84
 * once, so the spatial index still answers it.
 */
final class CrsParams {
  static final String CRS = "crs";
  static final String BBOX_CRS = "bbox-crs";
  static final String CRS84 = FilterParams.CRS84;

  /** One CRS we serve: its URI, PostGIS SRID, whether latitude comes first, output decimals. */
  record Supported(String uri, int srid, boolean latitudeFirst, int decimals) {
    Reprojection reprojection() {
      return new Reprojection(srid, latitudeFirst, decimals);
    }
  }

  /** CRS84, EPSG:4326 (latitude first), Web Mercator, the UTM zones over Mali, Africa Albers. */
  static final List<Supported> SUPPORTED =
      List.of(
          new Supported(CRS84, 4326, false, 6),
          new Supported("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true, 6),
          new Supported("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false, 2),
          new Supported("http://www.opengis.net/def/crs/EPSG/0/32630", 32630, false, 2),
          new Supported("http://www.opengis.net/def/crs/EPSG/0/32631", 32631, false, 2),
          new Supported("http://www.opengis.net/def/crs/EPSG/0/32632", 32632, false, 2),
          new Supported("http://www.opengis.net/def/crs/ESRI/0/102022", 102022, false, 2));

  private CrsParams() {}

  static List<String> uris() {
    return SUPPORTED.stream().map(Supported::uri).toList();
  }

  /** The named CRS, or CRS84 when none is named; an unsupported one is a 400 naming it. */
  static Supported of(String parameter, String uri) {
    if (uri == null) {
      return SUPPORTED.get(0);
    }
    for (Supported s : SUPPORTED) {
      if (s.uri().equals(uri)) {
        return s;
      }
    }
    throw ApiException.badParameter(
        parameter, "'" + uri + "' is not a CRS this server offers; use one of " + uris());
  }

  /** A bbox in a CRS other than CRS84 is read here, not by ItemsParams. */
  static boolean bboxElsewhere(Context ctx) {
    return of(BBOX_CRS, ctx.queryParam(BBOX_CRS)).srid() != 4326
        || of(BBOX_CRS, ctx.queryParam(BBOX_CRS)).latitudeFirst();
  }

  /**
   * The query with its geometries in {@code crs} and, for a bbox in {@code bbox-crs}, that box as a
   * condition; sets Content-Crs.
   */
  static ItemQuery apply(Context ctx, ItemQuery query) {
    Supported out = of(CRS, ctx.queryParam(CRS));
    ctx.header("Content-Crs", "<" + out.uri() + ">");
    ItemQuery q = query;
    if (bboxElsewhere(ctx) && ctx.queryParam("bbox") != null) {
      q =
          q.withFilter(
              and(q.filter(), box(ctx.queryParam("bbox"), of(BBOX_CRS, ctx.queryParam(BBOX_CRS)))));
    }
    if (out.srid() == 4326 && !out.latitudeFirst()) {
      return q;
    }
    ItemQuery.Output o = q.output();
    return q.withOutput(
        new ItemQuery.Output(
            o == null ? null : o.orderBy(),
            o == null ? null : o.properties(),
            o != null && o.skipGeometry(),
            out.reprojection()));
  }

  /** minX,minY,maxX,maxY in the CRS's own axis order, as a CRS84 polygon for the index. */
  private static SqlCondition box(String raw, Supported crs) {
    String[] parts = raw.split(",", -1);
    if (parts.length != 4) {
      throw ApiException.badParameter("bbox", "needs 4 comma-separated numbers in " + crs.uri());
    }
    double[] b = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        b[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw ApiException.badParameter("bbox", "'" + parts[i] + "' is not a number");
      }
      if (!Double.isFinite(b[i])) {
        throw ApiException.badParameter("bbox", "numbers must be finite");
      }
    }
    if (crs.latitudeFirst()) {
      b = new double[] {b[1], b[0], b[3], b[2]};
    }
    if (b[0] > b[2] || b[1] > b[3]) {
      throw ApiException.badParameter("bbox", "a minimum is greater than its maximum");
    }
    if (crs.srid() == 4326 && (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)) {
      throw ApiException.badParameter("bbox", "latitude or longitude out of range");
    }
    List<Object> params = new ArrayList<>(List.of(b[0], b[1], b[2], b[3], crs.srid()));
    return new SqlCondition(
        "ST_Intersects(geom, ST_Transform(ST_Envelope(ST_MakeEnvelope(?, ?, ?, ?, ?)), 4326))",
        params);
  }

  private static SqlCondition and(SqlCondition a, SqlCondition b) {
    if (a == null) {
      return b;
    }
    List<Object> params = new ArrayList<>(a.params());
    params.addAll(b.params());
    return new SqlCondition("(" + a.sql() + ") AND (" + b.sql() + ")", params);
  }
}
