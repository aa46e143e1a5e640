// The operator console: every figure comes from the JSON API under /api/v1.
import { api, confirmed, el, toast, when } from "./common.js";

const sections = ["channels", "prompts", "schedule", "usage", "live", "invites"];
const loaders = {};
let liveTimer = null;

const PAGE = 50;
const offsets = { channels: 0, pool: 0 };

function pager(page, name, reload) {
  // "Earlier" and "later" buttons for a page of an API list.
  const move = (offset) => () => { offsets[name] = offset; attempt(reload); };
  const shown = `${page.total ? page.offset + 1 : 0}–${Math.min(page.offset + page.items.length, page.total)} of ${page.total}`;
  return el("div", { class: "row", role: "group", "aria-label": "Pages" },
    el("span", { class: "muted" }, shown),
    page.offset > 0 ? el("button", { type: "button", class: "secondary", onclick: move(Math.max(0, page.offset - page.limit)) }, "Previous") : null,
    page.offset + page.items.length < page.total ? el("button", { type: "button", class: "secondary", onclick: move(page.offset + page.limit) }, "Next") : null);
}

function table(headers, rows) {
  return el("div", { class: "table-wrap" }, el("table", {},
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) => el("td", {}, c)))))));
}

async function attempt(work, done) {
  try {
    await work();
    if (done) toast(done);
  } catch (error) {
    toast(error.message, true);
  }
}

// channels and stories

loaders.channels = async () => {
  const page = await api("GET", `/channels?limit=${PAGE}&offset=${offsets.channels}`);
  const rows = page.items.map((c) => [
    el("a", { href: "#channels", onclick: () => showChannel(c.key) }, c.key),
    c.premise || "(no story)", String(c.parts), String(c.players), when(c.last_activity),
  ]);
  document.getElementById("channel-list").replaceChildren(
    table(["Channel", "Current story", "Parts", "Players", "Last activity"], rows),
    pager(page, "channels", loaders.channels));
};

async function showChannel(key) {
  const path = "/channels/" + encodeURIComponent(key);
  const c = await api("GET", path);
  const stories = c.stories.map((s) => [
    el("a", { href: "#channels", onclick: () => showStory(s.id) }, `#${s.id}`),
    s.premise, s.status, String(s.parts), when(s.last_played),
  ]);
  const prompts = el("ul", { class: "items" }, c.prompts.map((p) => el("li", {}, `${p.id}. ${p.text} `,
    el("button", { type: "button", class: "secondary", onclick: () => attempt(async () => {
      if (!(await confirmed(`Delete prompt ${p.id} of ${key}?`))) return;
      await api("DELETE", `${path}/prompts/${p.id}`);
      await showChannel(key);
    }, "Prompt deleted.") }, "Delete"))));
  const add = el("form", { class: "row", onsubmit: (event) => {
    event.preventDefault();
    const text = event.target.elements.text.value;
    attempt(async () => { await api("POST", `${path}/prompts`, { text }); await showChannel(key); }, "Prompt added.");
  } }, el("label", { for: "channel-prompt" }, "New prompt for this channel"),
  el("input", { id: "channel-prompt", name: "text", required: true, maxlength: 2000 }),
  el("button", { type: "submit" }, "Add prompt"));
  const forget = el("button", { type: "button", class: "danger", onclick: () => attempt(async () => {
    if (!(await confirmed(`Forget everything stored for ${key}? This cannot be undone.`))) return;
    const done = await api("DELETE", path);
    toast(done.message);
    document.getElementById("channel-detail").replaceChildren();
    document.getElementById("story-view").replaceChildren();
    await loaders.channels();
  }) }, "Forget this channel");
  document.getElementById("channel-detail").replaceChildren(el("div", { class: "card" },
    el("h2", {}, key), el("pre", {}, c.settings),
    c.subscription ? el("p", {}, `Story of the day at ${c.subscription.at_time} ${c.subscription.timezone}`) : null,
    el("h3", {}, "Stories"), table(["Story", "Premise", "Status", "Parts", "Last played"], stories),
    el("h3", {}, "Prompts"), prompts, add, forget));
}

async function showStory(id, branch, offset = 0) {
  const story = await api("GET", `/stories/${id}`);
  const base = branch ? `/stories/${id}/branches/${branch}/parts` : `/stories/${id}/parts`;
  const parts = await api("GET", `${base}?limit=${PAGE}&offset=${offset}`);
  const branches = story.branches.map((b) => [
    el("a", { href: "#channels", onclick: () => showStory(id, b.id) }, `branch ${b.id}`),
    b.kind, `after part ${b.fork_seq}`, String(b.parts), b.opening,
  ]);
  const articles = parts.items.map((p) => el("div", {},
    el("h3", {}, `Part ${p.seq}` + (p.direction ? `: ${p.direction}` : "")),
    el("article", {}, p.text)));
  document.getElementById("story-view").replaceChildren(el("div", { class: "card parts" },
    el("h2", {}, `Story ${story.id}: ${story.premise}`),
    el("p", { class: "muted" }, `${story.channel} · ${story.status} · ${story.parts} parts` + (branch ? ` · branch ${branch}` : "")),
    el("p", {}, el("a", { href: `/api/v1/stories/${id}/export` }, "Download as Markdown"), " · ",
      el("a", { href: `/api/v1/stories/${id}/export?format=twine` }, "as Twine")),
    branches.length ? table(["Branch", "Made by", "Forks", "Parts", "Opening"], branches) : null,
    articles,
    parts.offset + parts.items.length < parts.total
      ? el("button", { type: "button", class: "secondary", onclick: () => attempt(() => showStory(id, branch, parts.offset + parts.limit)) }, "Later parts")
      : null,
    parts.offset > 0
      ? el("button", { type: "button", class: "secondary", onclick: () => attempt(() => showStory(id, branch, Math.max(0, parts.offset - parts.limit))) }, "Earlier parts")
      : null));
}

// prompts

loaders.prompts = async () => {
  const library = await api("GET", `/prompts?limit=${PAGE}&offset=${offsets.pool}`);
  document.getElementById("pool").replaceChildren(...library.pool.items.map((p) => el("li", {},
    `${p.text} `, el("span", { class: "muted" }, `(${p.author}) `),
    el("button", { type: "button", class: "secondary", "aria-label": `Delete prompt ${p.id}`, onclick: () => attempt(async () => {
      if (!(await confirmed(`Delete the prompt “${p.text}”?`))) return;
      await api("DELETE", `/prompts/${p.id}`);
      await loaders.prompts();
      toast("Prompt deleted.");
    }) }, "Delete"))));
  document.getElementById("pool-pages").replaceChildren(pager(library.pool, "pool", loaders.prompts));
  document.getElementById("starters").replaceChildren(...library.starters.map((s) => el("li", {}, `${s.id}: ${s.text}`)));
};

document.getElementById("pool-add").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = document.getElementById("pool-text");
  attempt(async () => {
    await api("POST", "/prompts", { text: input.value });
    input.value = "";
    await loaders.prompts();
  }, "Prompt added.");
});

// feeds, subscriptions, usage

loaders.schedule = async () => {
  const feeds = await api("GET", "/feeds");
  const subs = await api("GET", "/subscriptions");
  document.getElementById("feeds").replaceChildren(feeds.items.length
    ? table(["Feed", "Last fetched", "Last error"], feeds.items.map((f) => [f.url, when(f.fetched_at), f.last_error || "none"]))
    : el("p", { class: "muted" }, "No feeds are configured."));
  document.getElementById("subscriptions").replaceChildren(subs.items.length
    ? table(["Channel", "At", "Failures", "Enabled", "Last run", ""], subs.items.map((s) => [
      s.channel, `${s.at_time} ${s.timezone}`, String(s.failures), s.enabled ? "yes" : "no", when(s.last_run),
      el("button", { type: "button", class: "secondary", onclick: () => attempt(async () => {
        if (!(await confirmed(`Stop the story of the day in ${s.channel}?`))) return;
        await api("DELETE", "/subscriptions/" + encodeURIComponent(s.channel));
        await loaders.schedule();
      }, "Stopped.") }, "Stop")]))
    : el("p", { class: "muted" }, "No channel has a story of the day."));
};

loaders.usage = async () => {
  const usage = await api("GET", "/usage?days=7&limit=100");
  const budget = usage.channel_budget;
  document.getElementById("usage-table").replaceChildren(
    el("p", {}, budget ? `Daily budget per channel: ${budget} tokens.` : "No daily budget per channel."),
    table(["Day", "Channel", "Requests", "Tokens", "Of budget"], usage.items.map((u) => {
      const tokens = u.prompt_tokens + u.completion_tokens;
      return [u.day, u.channel, String(u.requests), String(tokens), budget ? `${Math.round((100 * tokens) / budget)} %` : "—"];
    })));
};

// live figures: counters as rates, gauges as they are

const history = [];
const charts = [
  { name: "Turns per minute", value: (a, b) => ((b.turns - a.turns) * 60) / Math.max(1, b.at - a.at) },
  { name: "LLM latency, s", value: (a, b) => (b.llm_calls > a.llm_calls ? (b.llm_seconds - a.llm_seconds) / (b.llm_calls - a.llm_calls) : 0) },
  { name: "Queue depth", value: (a, b) => b.queue_depth },
  { name: "Platform errors per minute", value: (a, b) => ((b.platform_errors - a.platform_errors) * 60) / Math.max(1, b.at - a.at) },
  { name: "Open WebSockets", value: (a, b) => b.web_sockets },
];

function sparkline(values) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 100 40");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("aria-hidden", "true");
  const top = Math.max(1e-9, ...values);
  const points = values.map((v, i) => `${(100 * i) / Math.max(1, values.length - 1)},${38 - (36 * v) / top}`);
  const line = document.createElementNS(ns, "polyline");
  line.setAttribute("points", points.join(" "));
  svg.append(line);
  return svg;
}

loaders.live = async () => {
  history.push(await api("GET", "/figures"));
  if (history.length > 61) history.shift();
  const pairs = history.slice(1).map((b, i) => [history[i], b]);
  document.getElementById("charts").replaceChildren(...charts.map((chart) => {
    const values = pairs.map(([a, b]) => chart.value(a, b));
    const now = values.length ? values[values.length - 1] : 0;
    return el("figure", { class: "chart" }, el("figcaption", {}, chart.name),
      el("div", { class: "now" }, now.toFixed(now < 10 ? 2 : 0)), sparkline(values.length ? values : [0]));
  }));
};

// invites

loaders.invites = async () => {
  const invites = await api("GET", "/invites");
  document.getElementById("invite-list").replaceChildren(table(["Player", "Created", "State", ""],
    invites.items.map((i) => [i.name, when(i.created_at), i.revoked ? "revoked" : "open",
      i.revoked ? "" : el("button", { type: "button", class: "secondary", onclick: () => attempt(async () => {
        if (!(await confirmed(`Revoke ${i.name}'s invite? They are signed out at once.`))) return;
        await api("DELETE", `/invites/${i.id}`);
        await loaders.invites();
      }, "Invite revoked.") }, "Revoke")])));
};

document.getElementById("invite-add").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = document.getElementById("invite-name");
  attempt(async () => {
    const made = await api("POST", "/invites", { name: input.value });
    document.getElementById("invite-link").textContent = made.link;
    input.value = "";
    await loaders.invites();
  }, "Invite created; copy the link now, it is shown once.");
});

// sections

function open() {
  const wanted = sections.includes(location.hash.slice(1)) ? location.hash.slice(1) : "channels";
  for (const name of sections) document.getElementById(name).hidden = name !== wanted;
  for (const link of document.querySelectorAll(".tabs a")) {
    if (link.getAttribute("href") === "#" + wanted) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  clearInterval(liveTimer);
  if (wanted === "live") liveTimer = setInterval(() => attempt(loaders.live), 5000);
  attempt(loaders[wanted]);
}

window.addEventListener("hashchange", open);
open();
