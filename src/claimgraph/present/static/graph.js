// The entity graph: Cytoscape.js (vendored) with a force-directed layout, labels, directed
// event edges (actor -> target) and undirected co-occurrence edges. Click a node to focus on
// its neighbourhood, double-click to open its page. Names are data, never markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const colour = { PERSON: "#8e44ad", ORG: "#d35400", GPE: "#2e86c1", LOC: "#2e86c1", FAC: "#2e86c1", NORP: "#16a085" };
  const elements = [];
  for (const node of data.nodes) {
    elements.push({ data: { id: node.id, label: node.name, type: node.type, mentions: node.mentions, focus: node.focus ? 1 : 0,
                            colour: colour[node.type] || "#7f8c8d", size: 14 + Math.min(46, Math.sqrt(node.mentions) * 3) } });
  }
  // Each entity keeps its strongest co-occurrences (four at most) and every event edge, so
  // the layout shows structure rather than a hairball.
  const kept = new Set();
  const strongest = {};
  data.edges.forEach((edge, index) => {
    if (edge.kind !== "co-occurrence") { kept.add(index); return; }
    for (const end of [edge.source, edge.target]) (strongest[end] = strongest[end] || []).push(index);
  });
  for (const list of Object.values(strongest)) {
    list.sort((a, b) => data.edges[b].weight - data.edges[a].weight).slice(0, 4).forEach((index) => kept.add(index));
  }
  data.edges.forEach((edge, index) => {
    if (!kept.has(index)) return;
    elements.push({ data: { id: "e" + index, source: edge.source, target: edge.target, kind: edge.kind, weight: edge.weight,
                            width: Math.min(8, 0.8 + Math.log2(1 + edge.weight)) } });
  });
  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)", label: "data(label)",
                                   "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, color: "#1d2329",
                                   "text-outline-color": "#ffffff", "text-outline-width": 2, "text-max-width": 140, "text-wrap": "ellipsis",
                                   "min-zoomed-font-size": 8 } },
      { selector: "node[focus = 1]", style: { "border-width": 4, "border-color": "#f1c40f", "font-weight": "bold" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#c3ccd5", "curve-style": "bezier", opacity: 0.7 } },
      { selector: "edge[kind = 'event']", style: { "line-color": "#c0392b", "target-arrow-color": "#c0392b", "target-arrow-shape": "triangle",
                                                    "arrow-scale": 1.2, opacity: 0.9 } },
      { selector: ".faded", style: { opacity: 0.12 } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 400000,
              idealEdgeLength: () => 110, edgeElasticity: () => 60, nodeOverlap: 20, gravity: 40, numIter: 2500, padding: 30 },
  });
  cy.on("tap", "node", (event) => {
    const node = event.target;
    if (data.focus === node.id()) return;
    location.assign("/graph?entity=" + encodeURIComponent(node.id()));
  });
  cy.on("dbltap", "node", (event) => location.assign("/entities/" + encodeURIComponent(event.target.id())));
  cy.on("mouseover", "node", (event) => {
    const around = event.target.closedNeighborhood();
    cy.elements().not(around).addClass("faded");
  });
  cy.on("mouseout", "node", () => cy.elements().removeClass("faded"));
  window.claimgraphGraph = cy;
})();
