// The precis web page: collects documents, calls POST /v1/summarize, and
// shows each source with its selected sentences highlighted and its dropped
// spans struck through. Offsets from the API are UTF-8 byte offsets; the page
// slices each document's UTF-8 bytes with them, never its JS string indices.
//
// URL parameters (for links and the browser test): example=NAME loads a
// bundled example, text= fills the paste box, run=1 summarizes at once,
// algorithm=, unit=, budget= (a value the page does not offer is an error
// shown in the status line, never silently replaced by the default).
// When a run ends, <body data-state> is "done" or "error".
"use strict";

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let docs = [];       // {id, text} or {id, html}
let examples = {};   // name -> a /v1/summarize body
let reading = Promise.resolve();  // files still being read
let readFailures = [];            // names of files that could not be read

// Per budget unit: what the server accepts (doc/json.md) and a default.
const UNITS = {
  sentences: { integer: true, min: 1, value: 5 },
  words: { integer: true, min: 1, value: 100 },
  bytes: { integer: true, min: 1, value: 665 },
  ratio: { integer: false, min: 0, max: 1, step: 0.05, value: 0.2 },
};

function setStatus(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

function looksLikeHtml(name, content) {
  if (/\.html?$/i.test(name)) return true;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(content.slice(0, 1024));
}

// `id`, or `id (2)`, `id (3)`... if a document in `list` has it: the API's
// sentences name their document by id.
function uniqueId(id, list) {
  let unique = id, n = 2;
  while (list.some((d) => d.id === unique)) unique = `${id} (${n++})`;
  return unique;
}

function makeDoc(id, content) {
  return looksLikeHtml(id, content) ? { id, html: content } : { id, text: content };
}

function addDoc(id, content) {
  docs.push(makeDoc(uniqueId(id, docs), content));
  renderDocList();
  $("example").value = "";  // the list is no longer just the example
}

function renderDocList() {
  const list = $("docs");
  list.replaceChildren();
  docs.forEach((d, i) => {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = d.id + (d.html !== undefined ? " (HTML)" : "");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", `Remove ${d.id}`);
    remove.addEventListener("click", () => {
      docs.splice(i, 1);
      renderDocList();
      $("example").value = "";
    });
    li.append(name, remove);
    list.append(li);
  });
}

// Reads dropped or opened files into documents; Summarize waits for it.
function readFiles(fileList) {
  const files = Array.from(fileList);
  reading = reading.then(async () => {
    for (const file of files) {
      try {
        addDoc(file.name, await file.text());
      } catch (e) {
        readFailures.push(file.name);
        setStatus(`Cannot read ${file.name}: ${e.message || e}`, true);
      }
    }
  });
}

async function getJson(url, body) {
  const init = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  const response = await fetch(url, init);
  // A proxy's error page is not JSON: say what came back instead.
  const type = response.headers.get("Content-Type") || "";
  if (!type.startsWith("application/json")) {
    throw new Error(`HTTP ${response.status} ${response.statusText} from ${url} (not JSON)`);
  }
  const json = await response.json();
  if (!response.ok) {
    const e = json && json.error ? json.error : { code: String(response.status), message: "" };
    throw new Error(`${e.code}: ${e.message}`);
  }
  return json;
}

// The budget as the server takes it, or an Error saying what to enter.
function budgetValue() {
  const name = $("unit").value, unit = UNITS[name];
  const raw = $("budget").value.trim();
  const value = raw === "" ? NaN : Number(raw);
  if (unit.integer && !(Number.isInteger(value) && value >= unit.min)) {
    throw new Error(`The budget in ${name} is a whole number, 1 or more.`);
  }
  if (!unit.integer && !(value > unit.min && value <= unit.max)) {
    throw new Error("A ratio budget is a fraction above 0 and at most 1, such as 0.2.");
  }
  return value;
}

function setUnit(name) {
  const unit = UNITS[name];
  $("budget").min = unit.integer ? String(unit.min) : "0";
  $("budget").step = unit.integer ? "1" : String(unit.step);
  if (unit.max !== undefined) $("budget").max = String(unit.max); else $("budget").removeAttribute("max");
  $("budget").value = String(unit.value);
}

function requestBody() {
  const pasted = $("paste").value;
  const all = docs.slice();
  if (pasted.trim() !== "") all.push(makeDoc(uniqueId("pasted", all), pasted));
  const body = { id: "web", docs: all };
  const algorithm = $("algorithm").value;
  if (algorithm) body.algorithm = algorithm;
  body[$("unit").value] = budgetValue();
  body.explain = true;
  return body;
}

// Appends `text` bytes [begin, end) of one document, with its spans marked.
function renderText(container, bytes, spans) {
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  const plain = (b, e) => { if (e > b) container.append(decoder.decode(bytes.subarray(b, e))); };
  for (const s of spans) {
    if (s.begin < at) continue;  // overlapping spans are not expected; keep the first
    plain(at, s.begin);
    const el = document.createElement(s.kind === "selected" ? "mark" : "del");
    el.textContent = decoder.decode(bytes.subarray(s.begin, s.end));
    el.dataset.doc = String(s.doc);
    el.dataset.begin = String(s.begin);
    el.dataset.end = String(s.end);
    if (s.kind === "selected") {
      el.dataset.rank = String(s.rank);
      el.id = `s${s.rank}`;
      el.title = `Summary sentence ${s.rank + 1}, score ${s.score}`;
    } else {
      el.dataset.reason = s.reason;
      el.dataset.why = s.why;
      el.title = s.why;
      el.tabIndex = 0;
    }
    container.append(el);
    at = s.end;
  }
  plain(at, bytes.length);
}

function describeDrop(d) {
  let why = `Dropped: ${d.reason}`;
  if (d.of) why += ` of ${d.of.doc === d.doc ? "" : d.of.doc + " "}bytes ${d.of.begin}-${d.of.end}`;
  return why;
}

function render(body, texts, result) {
  const ids = body.docs.map((d) => d.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const spans = ids.map(() => []);
  const summary = $("summary");
  summary.replaceChildren();
  result.sentences.forEach((s, rank) => {
    const doc = index.get(s.doc);
    spans[doc].push({ kind: "selected", doc, begin: s.begin, end: s.end, rank, score: s.score });
    const li = document.createElement("li");
    // A button, so the keyboard reaches it too: shows the sentence in its source.
    const show = document.createElement("button");
    show.type = "button";
    show.className = "sentence";
    show.textContent = s.text.replace(/\s*\n\s*/g, " ");
    const src = document.createElement("span");
    src.className = "src";
    src.textContent = `(${s.doc})`;
    show.append(src);
    show.addEventListener("click", () => {
      document.querySelectorAll("mark.focus").forEach((m) => m.classList.remove("focus"));
      const mark = $(`s${rank}`);
      if (!mark) return;
      mark.classList.add("focus");
      mark.scrollIntoView({ behavior: "smooth", block: "center" });
    });
    li.append(show);
    summary.append(li);
  });
  for (const d of result.dropped || []) {
    const doc = index.get(d.doc);
    spans[doc].push({ kind: "dropped", doc, begin: d.begin, end: d.end, reason: d.reason, why: describeDrop(d) });
  }
  const warning = $("warning");
  warning.hidden = !result.warning;
  warning.textContent = result.warning ? `Note: ${result.warning}` : "";
  const sources = $("sources");
  sources.replaceChildren();
  ids.forEach((id, i) => {
    const section = document.createElement("section");
    section.className = "doc";
    section.dataset.doc = String(i);
    const h = document.createElement("h3");
    h.textContent = id;
    section.append(h);
    if (texts[i].meta) {
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = texts[i].meta;
      section.append(meta);
    }
    const text = document.createElement("div");
    text.className = "text";
    renderText(text, encoder.encode(texts[i].text), spans[i]);
    section.append(text);
    sources.append(section);
  });
  $("request-json").textContent = JSON.stringify(body);
  $("result").hidden = false;
}

async function run() {
  $("result").hidden = true;  // never an old summary under a new error
  $("run").disabled = true;   // one run at a time, files read first
  document.body.dataset.state = "running";
  await reading;
  const fail = (message) => {
    setStatus(message, true);
    document.body.dataset.state = "error";
    $("run").disabled = false;
  };
  if (readFailures.length) {
    const names = readFailures.join(", ");
    readFailures = [];
    return fail(`Could not read ${names}, so it is not in the list: open it again, ` +
                "or Summarize again without it.");
  }
  let body;
  try {
    body = requestBody();
  } catch (e) {
    return fail(e.message);
  }
  if (body.docs.length === 0) {
    return fail("Add a document first: paste text, open files or load an example.");
  }
  setStatus("Summarizing…");
  try {
    // HTML pages: the summary's offsets are into the article text precis
    // extracts from each page, so fetch that text to show it.
    const texts = await Promise.all(body.docs.map(async (d) => {
      if (d.html === undefined) return { text: d.text };
      const page = await getJson("v1/extract", { html: d.html });
      const meta = ["Article text extracted from the page", page.title, page.date].filter(Boolean).join(" · ");
      return { text: page.text, meta };
    }));
    const result = await getJson("v1/summarize", body);
    render(body, texts, result);
    setStatus(`${result.sentences.length} sentence(s) from ${body.docs.length} document(s).`);
    document.body.dataset.state = "done";
  } catch (e) {
    setStatus(String(e.message || e), true);
    document.body.dataset.state = "error";
  } finally {
    $("run").disabled = false;
  }
}

function loadExample(name) {
  const ex = examples[name];
  if (!ex) return false;
  docs = ex.docs.map((d) => Object.assign({}, d));
  $("paste").value = "";
  renderDocList();
  return true;
}

async function init() {
  const params = new URLSearchParams(location.search);
  try {
    const [algos, ex] = await Promise.all([getJson("v1/algorithms"), getJson("v1/examples")]);
    for (const a of algos.algorithms) {
      const option = new Option(a.name + (a.name === algos.default ? " (default)" : ""), a.name);
      option.title = a.description;
      $("algorithm").append(option);
    }
    $("algorithm").value = algos.default;
    examples = ex.examples;
    for (const name of Object.keys(examples)) {
      const n = examples[name].docs.length;
      $("example").append(new Option(`${name} (${n} document${n > 1 ? "s" : ""})`, name));
    }
  } catch (e) {
    setStatus(`Cannot reach the server: ${e.message || e}`, true);
    document.body.dataset.state = "error";
    return;
  }
  const wrong = [];
  const choose = (select, value) => {
    if (!Array.from($(select).options).some((o) => o.value === value && value !== "")) {
      wrong.push(`no ${select} "${value}"`);
      return false;
    }
    $(select).value = value;
    return true;
  };
  if (params.has("algorithm")) choose("algorithm", params.get("algorithm"));
  if (params.has("unit") && choose("unit", params.get("unit"))) setUnit(params.get("unit"));
  if (params.has("budget")) $("budget").value = params.get("budget");
  if (params.has("example") && !loadExample(params.get("example"))) {
    wrong.push(`no example "${params.get("example")}"`);
  } else if (params.has("example")) {
    $("example").value = params.get("example");
  }
  if (params.get("text")) $("paste").value = params.get("text");
  if (wrong.length) {
    setStatus(`The link asks for what this page does not have: ${wrong.join(", ")}.`, true);
    document.body.dataset.state = "error";
    return;
  }
  document.body.dataset.state = "ready";
  if (params.get("run") === "1") await run();
}

// The choice stays shown, so arrow keys can step through the examples.
$("example").addEventListener("change", (e) => loadExample(e.target.value));
$("unit").addEventListener("change", (e) => setUnit(e.target.value));
$("add-paste").addEventListener("click", () => {
  const content = $("paste").value;
  if (content.trim() === "") return;
  addDoc(`pasted ${docs.length + 1}`, content);
  $("paste").value = "";
});
$("files").addEventListener("change", (e) => { readFiles(e.target.files); e.target.value = ""; });
$("run").addEventListener("click", run);
const drop = $("drop");
// Only files are taken over: dragging text into the paste box still works.
const carriesFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files");
for (const type of ["dragenter", "dragover"]) {
  document.addEventListener(type, (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    drop.classList.add("over");
  });
}
for (const type of ["dragleave", "drop"]) {
  document.addEventListener(type, () => drop.classList.remove("over"));
}
document.addEventListener("drop", (e) => {
  if (!carriesFiles(e)) return;
  e.preventDefault();
  readFiles(e.dataTransfer.files);
});
init();
