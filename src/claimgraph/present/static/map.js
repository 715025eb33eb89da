// The map page: country outlines served by the app, places and located events from the
// JSON block in the page. Names are set as text (never as HTML): they come from articles.
(function () {
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const map = L.map("map", { worldCopyJump: true }).setView([15, 10], 3);
  fetch("/static/world.geojson").then((r) => r.json()).then((world) => {
    L.geoJSON(world, { style: { color: "#8aa1b5", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  const bounds = [];
  const layer = L.geoJSON(data, {
    pointToLayer: (feature, latlng) => {
      bounds.push(latlng);
      const event = feature.properties.kind === "event";
      return L.circleMarker(latlng, {
        radius: event ? 5 : 4 + Math.min(10, Math.sqrt(feature.properties.mentions || 1)),
        color: event ? "#c0392b" : "#1f618d", weight: 1, fillOpacity: 0.7,
        className: event ? "marker-event" : "marker-place",
      });
    },
    onEachFeature: (feature, marker) => {
      const p = feature.properties;
      const box = document.createElement("div");
      const title = document.createElement(p.entity ? "a" : "span");
      title.textContent = p.kind === "event" ? `${p.type} (${p.plover}) at ${p.name}` : `${p.name} (${p.mentions} mentions)`;
      if (p.entity) title.href = "/entities/" + encodeURIComponent(p.entity);
      box.appendChild(title);
      if (p.date) box.appendChild(document.createTextNode(" · " + p.date));
      marker.bindPopup(box);
      const element = () => marker.getElement && marker.getElement();
      marker.on("add", () => { const el = element(); if (el) { el.dataset.name = p.name; el.dataset.lat = marker.getLatLng().lat; el.dataset.lon = marker.getLatLng().lng; } });
    },
  }).addTo(map);
  if (bounds.length) map.fitBounds(L.latLngBounds(bounds).pad(0.2), { maxZoom: 6 });
  window.claimgraphMap = { map, layer };
})();
