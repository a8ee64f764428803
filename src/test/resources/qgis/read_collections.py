"""Loads collections of an OGC API Features server through QGIS's own OAPIF provider, headless.

Usage: python3 read_collections.py LANDING_PAGE_URL COLLECTION_ID...
Prints one JSON object per collection: whether QGIS found the layer valid, the count the provider
states, the features it read by paging, its fields with their QGIS types and its geometry type.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer, QgsWkbTypes  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
landing = sys.argv[1]
for collection in sys.argv[2:]:
    uri = QgsDataSourceUri()
    uri.setParam("url", landing)
    uri.setParam("typename", collection)
    layer = QgsVectorLayer(uri.uri(False), collection, "OAPIF")
    out = {"id": collection, "valid": layer.isValid()}
    if layer.isValid():
        out["count"] = layer.featureCount()
        out["read"] = sum(1 for _ in layer.getFeatures())
        out["fields"] = {f.name(): f.typeName() for f in layer.fields()}
        out["geometry"] = QgsWkbTypes.displayString(layer.wkbType())
    else:
        out["error"] = layer.error().summary()
    print(json.dumps(out), flush=True)
# QGIS 3.22 can crash while tearing its providers down; what it read is printed already.
os._exit(0)
