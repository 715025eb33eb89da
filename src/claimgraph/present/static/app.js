// Behaviour shared by every page (no inline script: the Content-Security-Policy forbids it).
// - a filter form's selects apply themselves when changed;
// - the analyst's corrections (review a claim, take a name out of an entity, merge two
//   entities, each with its undo) are sent with the page's CSRF token in X-CSRF-Token;
// - signing out.
(function () {
  "use strict";
  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.content : "";

  function send(method, url, body) {
    const headers = { "X-CSRF-Token": csrf };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" })
      .then((response) => response.json().catch(() => ({})).then((answer) => {
        if (!response.ok) throw new Error(answer.detail || response.statusText);
        return answer;
      }));
  }

  function status(text) {
    const box = document.querySelector(".correction-status");
    if (box) box.textContent = text;
  }

  document.querySelectorAll("form.filters select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.review");
    if (button) {
      const reviewed = button.dataset.reviewed === "yes";
      button.disabled = true;
      send(reviewed ? "DELETE" : "POST", `/api/claims/${encodeURIComponent(button.dataset.claim)}/review`)
        .then(() => {
          button.dataset.reviewed = reviewed ? "no" : "yes";
          button.textContent = reviewed ? "mark reviewed" : "undo review";
          const row = button.closest("li.claim");
          if (row) row.classList.toggle("reviewed", !reviewed);
        })
        .catch((error) => { button.textContent = "failed: " + error.message; })
        .finally(() => { button.disabled = false; });
      return;
    }
    const split = event.target.closest("button.split");
    if (split) {
      split.disabled = true;
      status("Taking the name out (the corpus is resolved again; this can take a while)…");
      send("POST", "/api/entities/split", { entity: split.dataset.entity, alias: split.dataset.alias })
        .then((answer) => {
          const kept = answer.entities && answer.entities[0];
          const moved = answer.entities && answer.entities[answer.entities.length - 1];
          sessionStorage.setItem("claimgraph-undo", JSON.stringify({ kind: "split", first: kept, second: moved, alias: split.dataset.alias }));
          location.assign("/entities/" + encodeURIComponent(kept || split.dataset.entity));
        })
        .catch((error) => { status("Not done: " + error.message); split.disabled = false; });
      return;
    }
    const undo = event.target.closest("button.undo");
    if (undo) {
      const last = JSON.parse(sessionStorage.getItem("claimgraph-undo") || "null");
      if (!last) return;
      undo.disabled = true;
      status("Undoing…");
      const request = last.kind === "split"
        ? send("POST", "/api/entities/merge", { first: last.first, second: last.second })
        : send("POST", "/api/entities/split", { entity: last.entity, alias: last.alias });
      request.then((answer) => {
        sessionStorage.removeItem("claimgraph-undo");
        location.assign("/entities/" + encodeURIComponent(answer.entity || (answer.entities && answer.entities[0]) || last.first));
      }).catch((error) => { status("Not undone: " + error.message); undo.disabled = false; });
      return;
    }
    if (event.target.closest("#logout")) {
      send("POST", "/logout").catch(() => {}).finally(() => location.assign("/"));
    }
  });

  const merge = document.querySelector("form.merge");
  if (merge) {
    merge.addEventListener("submit", (event) => {
      event.preventDefault();
      const other = merge.elements.other.value.trim();
      status("Merging (the corpus is resolved again; this can take a while)…");
      send("POST", "/api/entities/merge", { first: merge.dataset.entity, second: other })
        .then((answer) => {
          sessionStorage.setItem("claimgraph-undo", JSON.stringify({ kind: "merge", entity: answer.entity, alias: (answer.names || [])[0] }));
          location.assign("/entities/" + encodeURIComponent(answer.entity));
        })
        .catch((error) => status("Not merged: " + error.message));
    });
  }

  // After a merge or a split, the entity page offers to undo it.
  const last = JSON.parse(sessionStorage.getItem("claimgraph-undo") || "null");
  const box = document.querySelector(".correction-status");
  if (last && box) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "undo";
    button.textContent = last.kind === "merge" ? `undo the merge (take “${last.alias}” out again)` : `undo taking “${last.alias}” out`;
    box.textContent = last.kind === "merge" ? "Merged. " : "Taken out. ";
    box.appendChild(button);
  }
})();
