package org.sahelmap.testing;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Mapbox vector tile read back with the protobuf classes of mapbox-vector-tile-java: its layers,
 * each feature's typed tags (String, Long, Double, Boolean as the tile encodes them) and, for
 * points, the tile coordinates of the first point.
 */
public record MvtTile(List<Layer> layers) {

  public record Feature(VectorTile.Tile.GeomType type, Map<String, Object> tags, int x, int y) {
    public boolean isCluster() {
      return tags.containsKey("count");
    }

    /** Events this feature stands for: its count when a cluster, else one. */
    public long events() {
      return isCluster() ? (Long) tags.get("count") : 1;
    }
  }

  public record Layer(String name, int extent, List<Feature> features) {}

  public static MvtTile decode(byte[] bytes) throws IOException {
    VectorTile.Tile tile = VectorTile.Tile.parseFrom(bytes);
    List<Layer> layers = new ArrayList<>();
    for (VectorTile.Tile.Layer l : tile.getLayersList()) {
      List<Feature> features = new ArrayList<>();
      for (VectorTile.Tile.Feature f : l.getFeaturesList()) {
        Map<String, Object> tags = new LinkedHashMap<>();
        for (int i = 0; i + 1 < f.getTagsCount(); i += 2) {
          tags.put(l.getKeys(f.getTags(i)), value(l.getValues(f.getTags(i + 1))));
        }
        int x = 0;
        int y = 0;
        // A geometry starts with MoveTo (command 1, count n) then zigzag-encoded dx, dy.
        if (f.getGeometryCount() >= 3 && (f.getGeometry(0) & 7) == 1) {
          x = zigzag(f.getGeometry(1));
          y = zigzag(f.getGeometry(2));
        }
        features.add(new Feature(f.getType(), tags, x, y));
      }
      layers.add(new Layer(l.getName(), l.getExtent(), features));
    }
    return new MvtTile(layers);
  }

  private static int zigzag(int n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static Object value(VectorTile.Tile.Value v) {
    if (v.hasStringValue()) {
      return v.getStringValue();
    }
    if (v.hasIntValue()) {
      return v.getIntValue();
    }
    if (v.hasUintValue()) {
      return v.getUintValue();
    }
    if (v.hasSintValue()) {
      return v.getSintValue();
    }
    if (v.hasDoubleValue()) {
      return v.getDoubleValue();
    }
    if (v.hasFloatValue()) {
      return (double) v.getFloatValue();
    }
    return v.getBoolValue();
  }
}
