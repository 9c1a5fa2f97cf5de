// The precis web page: collects documents, calls POST /v1/summarize, and
// shows each source with its selected sentences highlighted and its dropped
// spans struck through. Offsets from the API are UTF-8 byte offsets; the page
// slices each document's UTF-8 bytes with them, never its JS string indices.
//
// URL parameters (for links and the browser test): example=NAME loads a
// bundled example, text= fills the paste box, run=1 summarizes at once,
// algorithm=, unit=, budget=.
// When a run ends, <body data-state> is "done" or "error".
"use strict";

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let docs = [];       // {id, text} or {id, html}
let examples = {};   // name -> a /v1/summarize body

function setStatus(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

function looksLikeHtml(name, content) {
  if (/\.html?$/i.test(name)) return true;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(content.slice(0, 1024));
}

function addDoc(id, content) {
  let unique = id, n = 2;
  while (docs.some((d) => d.id === unique)) unique = `${id} (${n++})`;
  docs.push(looksLikeHtml(id, content) ? { id: unique, html: content } : { id: unique, text: content });
  renderDocList();
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
    remove.addEventListener("click", () => { docs.splice(i, 1); renderDocList(); });
    li.append(name, remove);
    list.append(li);
  });
}

async function readFiles(fileList) {
  for (const file of fileList) addDoc(file.name, await file.text());
}

async function getJson(url, body) {
  const init = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  const response = await fetch(url, init);
  const json = await response.json();
  if (!response.ok) {
    const e = json && json.error ? json.error : { code: String(response.status), message: "" };
    throw new Error(`${e.code}: ${e.message}`);
  }
  return json;
}

function requestBody() {
  const pasted = $("paste").value;
  const all = docs.slice();
  if (pasted.trim() !== "") {
    all.push(looksLikeHtml("", pasted) ? { id: "pasted", html: pasted } : { id: "pasted", text: pasted });
  }
  const body = { id: "web", docs: all };
  const algorithm = $("algorithm").value;
  if (algorithm) body.algorithm = algorithm;
  const value = Number($("budget").value);
  if ($("budget").value !== "" && Number.isFinite(value)) body[$("unit").value] = value;
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
    li.textContent = s.text.replace(/\s*\n\s*/g, " ");
    const src = document.createElement("span");
    src.className = "src";
    src.textContent = `(${s.doc})`;
    li.append(src);
    li.addEventListener("click", () => {
      document.querySelectorAll("mark.focus").forEach((m) => m.classList.remove("focus"));
      const mark = $(`s${rank}`);
      mark.classList.add("focus");
      mark.scrollIntoView({ behavior: "smooth", block: "center" });
    });
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
  const body = requestBody();
  if (body.docs.length === 0) {
    setStatus("Add a document first: paste text, open files or load an example.", true);
    return;
  }
  $("run").disabled = true;
  document.body.dataset.state = "running";
  setStatus("Summarizing…");
  try {
    // HTML pages: the summary's offsets are into the article text precis
    // extracts from each page, so fetch that text to show it.
    const texts = await Promise.all(body.docs.map(async (d) => {
      if (d.html === undefined) return { text: d.text };
      const page = await getJson("/v1/extract", { html: d.html });
      const meta = ["Article text extracted from the page", page.title, page.date].filter(Boolean).join(" · ");
      return { text: page.text, meta };
    }));
    const result = await getJson("/v1/summarize", body);
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
    const [algos, ex] = await Promise.all([getJson("/v1/algorithms"), getJson("/v1/examples")]);
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
  if (params.get("algorithm")) $("algorithm").value = params.get("algorithm");
  if (params.get("unit")) $("unit").value = params.get("unit");
  if (params.get("budget")) $("budget").value = params.get("budget");
  if (params.get("example")) loadExample(params.get("example"));
  if (params.get("text")) $("paste").value = params.get("text");
  document.body.dataset.state = "ready";
  if (params.get("run") === "1") await run();
}

$("example").addEventListener("change", (e) => { loadExample(e.target.value); e.target.value = ""; });
$("add-paste").addEventListener("click", () => {
  const content = $("paste").value;
  if (content.trim() === "") return;
  addDoc(`pasted ${docs.length + 1}`, content);
  $("paste").value = "";
});
$("files").addEventListener("change", (e) => { readFiles(e.target.files); e.target.value = ""; });
$("run").addEventListener("click", run);
const drop = $("drop");
for (const type of ["dragenter", "dragover"]) {
  document.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("over"); });
}
for (const type of ["dragleave", "drop"]) {
  document.addEventListener(type, () => drop.classList.remove("over"));
}
document.addEventListener("drop", (e) => {
  e.preventDefault();
  if (e.dataTransfer && e.dataTransfer.files.length) readFiles(e.dataTransfer.files);
});
init();
