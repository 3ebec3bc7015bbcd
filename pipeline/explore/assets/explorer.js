// The index's filters and search: hide the rows that do not match, count the rest.
// Rows carry their speaker, topics, unit, language and date as data- attributes.
(function () {
  "use strict";
  const rows = Array.from(document.querySelectorAll("#claims tbody tr"));
  const texts = rows.map((row) => row.textContent.toLowerCase());
  const field = (id) => document.getElementById(id);
  const shown = field("shown");

  function apply() {
    const words = field("f-text").value.toLowerCase().split(/\s+/).filter(Boolean);
    const speaker = field("f-speaker").value;
    const topic = field("f-topic").value;
    const unit = field("f-unit").value;
    const lang = field("f-lang").value;
    const since = field("f-since").value;
    const until = field("f-until").value;
    let count = 0;
    rows.forEach((row, i) => {
      const d = row.dataset;
      const ok =
        (!speaker || d.speaker === speaker) &&
        (!topic || d.topics.split("|").includes(topic)) &&
        (!unit || d.unit === unit) &&
        (!lang || d.lang === lang) &&
        (!since || (d.date && d.date >= since)) &&
        (!until || (d.date && d.date <= until)) &&
        words.every((w) => texts[i].includes(w));
      row.hidden = !ok;
      if (ok) count += 1;
    });
    shown.textContent = count + " of " + rows.length + " claims";
  }

  field("filters").addEventListener("input", apply);
  field("filters").addEventListener("change", apply);
  // A reset clears the fields after this event: filter again once they are cleared.
  field("f-reset").addEventListener("click", () => setTimeout(apply, 0));
})();
