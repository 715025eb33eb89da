// The map page. Base layers come from this app: first-level boundaries (Natural Earth,
// TopoJSON, dissolved into countries here) and town labels (GeoNames). Places placed at a
// town are clustered markers; places placed only at a country or a region are drawn as
// that area, never as a point. Events are markers whose popup links to the sentence that
// tells them. Every name is set as text (never as HTML): names come from articles.
(function () {
  "use strict";
  const box = document.getElementById("map");
  const map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 10 }).setView([20, 10], 2);
  const state = { features: [], countries: {}, provinces: [], towns: [], areas: L.layerGroup().addTo(map) };
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  const townLayer = L.layerGroup();
  window.claimgraphMap = { map, cluster, state, ready: false };

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(text, href) {
    const a = element("a", text);
    a.href = href;
    return a;
  }

  function readerHref(p) {
    return "/documents/" + encodeURIComponent(p.doc) + (p.claim ? "?claim=" + encodeURIComponent(p.claim) + "#claim-" + encodeURIComponent(p.claim) : "");
  }

  function popup(p) {
    const div = element("div", undefined, "popup");
    if (p.kind === "event") {
      div.appendChild(element("strong", p.type.replace(/_/g, " ").toLowerCase()));
      if (p.status !== "happened") div.appendChild(element("span", " (" + p.status + ")"));
      div.appendChild(element("span", " at "));
      div.appendChild(link(p.name, "/entities/" + encodeURIComponent(p.entity)));
      if (p.date_text) div.appendChild(element("div", p.date_text, "muted"));
      const told = element("div");
      told.appendChild(link("the sentence that tells it", readerHref(p)));
      if (p.source) told.appendChild(element("span", " — " + p.source, "muted"));
      div.appendChild(told);
    } else {
      div.appendChild(link(p.name, "/entities/" + encodeURIComponent(p.entity)));
      div.appendChild(element("div", p.mentions + " mentions; placed at " + p.precision.replace("_", " ") + " level", "muted"));
      const more = element("div");
      more.appendChild(link("events there", "/events?place=" + encodeURIComponent(p.entity)));
      div.appendChild(more);
    }
    return div;
  }

  function marker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const event = p.kind === "event";
    const m = L.circleMarker([lat, lon], {
      radius: event ? 6 : 4 + Math.min(10, Math.sqrt(p.mentions || 1)),
      color: event ? "#a93226" : "#1f618d", weight: 1.5, fillOpacity: 0.75,
      className: event ? "marker-event" : "marker-place",
    });
    m.feature = feature;
    m.bindPopup(() => popup(p));
    m.on("add", () => {
      const el = m.getElement && m.getElement();
      if (el) { el.dataset.name = p.name; el.dataset.lat = lat; el.dataset.lon = lon; el.dataset.kind = p.kind; }
    });
    return m;
  }

  // Areas: a place known only at country level shades its country; one at a region its province.
  function contains(ring, x, y) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function inFeature(feature, x, y) {
    const g = feature.geometry;
    if (!g) return false;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return polygons.some((rings) => contains(rings[0], x, y) && !rings.slice(1).some((hole) => contains(hole, x, y)));
  }

  function areaOf(p, lon, lat) {
    if (p.precision === "country") return state.countries[p.country] || null;
    if (p.precision === "region") {
      return state.provinces.find((f) => (!p.country || f.properties.iso_a2 === p.country) && inFeature(f, lon, lat)) || null;
    }
    return null;
  }

  // One layer per area: the places placed only at it and the events told there, listed in its popup.
  function areaLayer(shape, told) {
    const place = told.find((f) => f.properties.kind === "place");
    const first = (place || told[0]).properties;
    const mentions = told.reduce((n, f) => n + (f.properties.mentions || 1), 0);
    const layer = L.geoJSON(shape, {
      style: { color: first.precision === "country" ? "#7d3c98" : "#b9770e", weight: 1.5, fillOpacity: 0.12 + Math.min(0.3, mentions / 200),
               className: "area area-" + first.precision },
    });
    layer.feature = place || told[0];
    layer.told = told;
    layer.bindPopup(() => {
      const div = place ? popup(place.properties) : element("div", undefined, "popup");
      const events = told.filter((f) => f.properties.kind === "event");
      if (events.length) {
        div.appendChild(element("div", `${events.length} event${events.length === 1 ? "" : "s"} placed only at ${first.name}:`, "muted"));
        const list = element("ul");
        for (const event of events.slice(0, 12)) {
          const item = element("li");
          item.appendChild(link(event.properties.type.replace(/_/g, " ").toLowerCase() + (event.properties.date_text ? ", " + event.properties.date_text : ""),
                                readerHref(event.properties)));
          list.appendChild(item);
        }
        div.appendChild(list);
        if (events.length > 12) div.appendChild(link("all of them", "/events?place=" + encodeURIComponent(first.entity)));
      }
      return div;
    });
    layer.eachLayer((l) => l.on("add", () => { const el = l.getElement && l.getElement(); if (el) el.dataset.name = first.name; }));
    return layer;
  }

  function wanted(p) {
    const kind = document.getElementById("map-kind").value;
    const type = document.getElementById("map-type").value;
    const from = parseInt(document.getElementById("map-from").value, 10);
    const to = parseInt(document.getElementById("map-to").value, 10);
    if (kind !== "all" && p.kind !== kind) return false;
    if (p.kind === "event") {
      if (type && p.type !== type) return false;
      if ((from || to) && !p.year) return false;
      if (from && p.year < from) return false;
      if (to && p.year > to) return false;
    } else if (type || from || to) {
      return kind === "place";
    }
    return true;
  }

  function draw() {
    cluster.clearLayers();
    state.areas.clearLayers();
    let points = 0;
    const markers = [];
    const areas = new Map();  // shape -> the features drawn as it
    for (const feature of state.features) {
      const p = feature.properties;
      if (!wanted(p)) continue;
      if (p.precision === "country" || p.precision === "region") {
        const [lon, lat] = feature.geometry.coordinates;
        const shape = areaOf(p, lon, lat);
        if (shape) {
          if (!areas.has(shape)) areas.set(shape, []);
          areas.get(shape).push(feature);
          continue;
        }
        if (p.precision === "country") continue;  // never a country as a point
      }
      markers.push(marker(feature));
      points++;
    }
    for (const [shape, told] of areas) state.areas.addLayer(areaLayer(shape, told));
    cluster.addLayers(markers);
    document.getElementById("map-count").textContent = `${points} markers, ${areas.size} areas`;
    window.claimgraphMap.drawn = { points, areas: areas.size };
  }

  function labels() {
    townLayer.clearLayers();
    const zoom = map.getZoom();
    const least = zoom <= 2 ? 8e6 : zoom === 3 ? 3e6 : zoom === 4 ? 1e6 : zoom === 5 ? 3e5 : zoom === 6 ? 1.2e5 : 4e4;
    const view = map.getBounds().pad(0.1);
    const placed = [];  // labels already shown, in screen pixels: a town too near one of them is left out
    let shown = 0;
    for (const [name, lat, lon, population] of state.towns) {
      if (population < least || shown >= 200) break;
      if (!view.contains([lat, lon])) continue;
      const point = map.latLngToContainerPoint([lat, lon]);
      if (placed.some((p) => Math.abs(p.x - point.x) < 70 && Math.abs(p.y - point.y) < 16)) continue;
      placed.push(point);
      townLayer.addLayer(L.marker([lat, lon], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: "town-label", html: "", iconSize: null }),
      }).on("add", function () { const el = this.getElement(); if (el) el.textContent = name; }));
      shown++;
    }
  }

  const base = fetch("/static/geo/admin1.topo.json").then((r) => r.json()).then((topo) => {
    const object = topo.objects.admin1;
    state.provinces = topojson.feature(topo, object).features;
    const byCountry = {};
    for (const g of object.geometries) (byCountry[g.properties.iso_a2] = byCountry[g.properties.iso_a2] || []).push(g);
    const countries = [];
    for (const [code, geometries] of Object.entries(byCountry)) {
      const feature = { type: "Feature", properties: { iso_a2: code, name: geometries[0].properties.admin }, geometry: topojson.merge(topo, geometries) };
      state.countries[code] = feature;
      countries.push(feature);
    }
    L.geoJSON({ type: "FeatureCollection", features: countries }, {
      style: { color: "#8aa1b5", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1, className: "country" }, interactive: false,
    }).addTo(map).bringToBack();
    const provinces = L.geoJSON({ type: "FeatureCollection", features: state.provinces }, {
      style: { color: "#b7c3cf", weight: 0.4, fill: false, className: "province" }, interactive: false,
    });
    const showProvinces = () => { if (map.getZoom() >= 4) provinces.addTo(map); else provinces.remove(); };
    map.on("zoomend", showProvinces);
    showProvinces();
    window.claimgraphMap.base = { countries: countries.length, provinces: state.provinces.length };
  });
  const towns = fetch("/static/geo/towns.json").then((r) => r.json()).then((rows) => {
    state.towns = rows;
    townLayer.addTo(map);
    map.on("moveend", labels);
    labels();
  });
  const data = fetch(box.dataset.features).then((r) => r.json()).then((collection) => {
    state.features = collection.features;
    const types = [...new Set(collection.features.filter((f) => f.properties.kind === "event").map((f) => f.properties.type))].sort();
    const select = document.getElementById("map-type");
    for (const type of types) select.appendChild(new Option(type.replace(/_/g, " ").toLowerCase(), type));
  });

  Promise.all([base, data]).then(() => {
    map.addLayer(cluster);
    draw();
    const points = state.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.1), { maxZoom: 6 });
    document.querySelectorAll(".map-filters select, .map-filters input").forEach((control) => control.addEventListener("change", draw));
    document.querySelector(".map-filters").addEventListener("submit", (event) => { event.preventDefault(); draw(); });
    return towns;
  }).then(() => { window.claimgraphMap.ready = true; });
})();
