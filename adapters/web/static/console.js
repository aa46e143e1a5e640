// The operator console: every figure comes from the JSON API under /api/v1.
import { api, confirmed, el, t, toast, when } from "./common.js";

const sections = ["channels", "prompts", "schedule", "usage", "live", "invites"];
const loaders = {};
let liveTimer = null;

const PAGE = 50;
const offsets = { channels: 0, pool: 0 };

function pager(page, name, reload) {
  // "Earlier" and "later" buttons for a page of an API list.
  const move = (offset) => () => { offsets[name] = offset; attempt(reload); };
  const shown = t("shown", { first: page.total ? page.offset + 1 : 0, last: Math.min(page.offset + page.items.length, page.total), total: page.total });
  return el("div", { class: "row", role: "group", "aria-label": t("pages") },
    el("span", { class: "muted" }, shown),
    page.offset > 0 ? el("button", { type: "button", class: "secondary", onclick: move(Math.max(0, page.offset - page.limit)) }, t("previous")) : null,
    page.offset + page.items.length < page.total ? el("button", { type: "button", class: "secondary", onclick: move(page.offset + page.limit) }, t("next")) : null);
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

// A prompt's Edit button: its item becomes a form holding the text; Save sends it,
// Cancel puts the item back as it was.
function editButton(item, text, label, save) {
  return el("button", { type: "button", class: "secondary", "aria-label": label, onclick: () => {
    const shown = [...item.childNodes];
    const input = el("input", { name: "text", required: true, maxlength: 2000, value: text, "aria-label": t("prompt_text") });
    item.replaceChildren(el("form", { class: "row", onsubmit: (event) => {
      event.preventDefault();
      attempt(() => save(input.value), t("prompt_saved"));
    } }, input, el("button", { type: "submit" }, t("save")),
    el("button", { type: "button", class: "secondary", onclick: () => item.replaceChildren(...shown) }, t("cancel"))));
    input.focus();
  } }, t("edit"));
}

// channels and stories

loaders.channels = async () => {
  const page = await api("GET", `/channels?limit=${PAGE}&offset=${offsets.channels}`);
  const rows = page.items.map((c) => [
    el("a", { href: "#channels", onclick: () => showChannel(c.key) }, c.key),
    c.premise || t("no_story"), String(c.parts), String(c.players), when(c.last_activity),
  ]);
  document.getElementById("channel-list").replaceChildren(
    table([t("channel"), t("current_story"), t("parts"), t("players"), t("last_activity")], rows),
    pager(page, "channels", loaders.channels));
};

async function showChannel(key) {
  const path = "/channels/" + encodeURIComponent(key);
  const c = await api("GET", path);
  const stories = c.stories.map((s) => [
    el("a", { href: "#channels", onclick: () => showStory(s.id) }, `#${s.id}`),
    s.premise, s.status, String(s.parts), when(s.last_played),
  ]);
  const prompts = el("ul", { class: "items" }, c.prompts.map((p) => {
    const item = el("li", {}, `${p.id}. ${p.text} `,
      el("button", { type: "button", class: "secondary", onclick: () => attempt(async () => {
        if (!(await confirmed(t("delete_prompt_of", { id: p.id, channel: key })))) return;
        await api("DELETE", `${path}/prompts/${p.id}`);
        await showChannel(key);
      }, t("prompt_deleted")) }, t("delete")), " ");
    item.append(editButton(item, p.text, t("edit_prompt_n", { id: p.id }), async (text) => {
      await api("PUT", `${path}/prompts/${p.id}`, { text });
      await showChannel(key);
    }));
    return item;
  }));
  const add = el("form", { class: "row", onsubmit: (event) => {
    event.preventDefault();
    const text = event.target.elements.text.value;
    attempt(async () => { await api("POST", `${path}/prompts`, { text }); await showChannel(key); }, t("prompt_added"));
  } }, el("label", { for: "channel-prompt" }, t("new_channel_prompt")),
  el("input", { id: "channel-prompt", name: "text", required: true, maxlength: 2000 }),
  el("button", { type: "submit" }, t("add_prompt")));
  const forget = el("button", { type: "button", class: "danger", onclick: () => attempt(async () => {
    if (!(await confirmed(t("forget_question", { channel: key })))) return;
    const done = await api("DELETE", path);
    toast(done.message);
    document.getElementById("channel-detail").replaceChildren();
    document.getElementById("story-view").replaceChildren();
    await loaders.channels();
  }) }, t("forget_channel"));
  document.getElementById("channel-detail").replaceChildren(el("div", { class: "card" },
    el("h2", {}, key), el("pre", {}, c.settings),
    c.subscription ? el("p", {}, t("story_of_the_day_at", { time: c.subscription.at_time, timezone: c.subscription.timezone })) : null,
    el("h3", {}, t("stories")), table([t("story"), t("premise"), t("status"), t("parts"), t("last_played")], stories),
    el("h3", {}, t("prompts")), prompts, add, forget));
}

async function showStory(id, branch, offset = 0) {
  const story = await api("GET", `/stories/${id}`);
  const base = branch ? `/stories/${id}/branches/${branch}/parts` : `/stories/${id}/parts`;
  const parts = await api("GET", `${base}?limit=${PAGE}&offset=${offset}`);
  const branches = story.branches.map((b) => [
    el("a", { href: "#channels", onclick: () => showStory(id, b.id) }, t("branch_n", { id: b.id })),
    b.kind, t("after_part", { n: b.fork_seq }), String(b.parts), b.opening,
  ]);
  const articles = parts.items.map((p) => el("div", {},
    el("h3", {}, t("part_n", { n: p.seq }) + (p.direction ? `: ${p.direction}` : "")),
    el("article", {}, p.text)));
  document.getElementById("story-view").replaceChildren(el("div", { class: "card parts" },
    el("h2", {}, t("story_title", { id: story.id, premise: story.premise })),
    el("p", { class: "muted" }, t("story_facts", { channel: story.channel, status: story.status, parts: story.parts }) + (branch ? t("branch_fact", { id: branch }) : "")),
    el("p", {}, el("a", { href: `/api/v1/stories/${id}/export` }, t("download_markdown")), " · ",
      el("a", { href: `/api/v1/stories/${id}/export?format=twine` }, t("as_twine"))),
    branches.length ? table([t("branch"), t("made_by"), t("forks"), t("parts"), t("opening")], branches) : null,
    articles,
    parts.offset + parts.items.length < parts.total
      ? el("button", { type: "button", class: "secondary", onclick: () => attempt(() => showStory(id, branch, parts.offset + parts.limit)) }, t("later_parts"))
      : null,
    parts.offset > 0
      ? el("button", { type: "button", class: "secondary", onclick: () => attempt(() => showStory(id, branch, Math.max(0, parts.offset - parts.limit))) }, t("earlier_parts"))
      : null));
}

// prompts

loaders.prompts = async () => {
  const library = await api("GET", `/prompts?limit=${PAGE}&offset=${offsets.pool}`);
  document.getElementById("pool").replaceChildren(...library.pool.items.map((p) => {
    const item = el("li", {},
      `${p.text} `, el("span", { class: "muted" }, `(${p.author}) `),
      el("button", { type: "button", class: "secondary", "aria-label": t("delete_prompt_n", { id: p.id }), onclick: () => attempt(async () => {
        if (!(await confirmed(t("delete_the_prompt", { text: p.text })))) return;
        await api("DELETE", `/prompts/${p.id}`);
        await loaders.prompts();
        toast(t("prompt_deleted"));
      }) }, t("delete")), " ");
    item.append(editButton(item, p.text, t("edit_prompt_n", { id: p.id }), async (text) => {
      await api("PUT", `/prompts/${p.id}`, { text });
      await loaders.prompts();
    }));
    return item;
  }));
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
  }, t("prompt_added"));
});

// feeds, subscriptions, usage

loaders.schedule = async () => {
  const feeds = await api("GET", "/feeds");
  const subs = await api("GET", "/subscriptions");
  document.getElementById("feeds").replaceChildren(feeds.items.length
    ? table([t("feed"), t("last_fetched"), t("last_error")], feeds.items.map((f) => [f.url, when(f.fetched_at), f.last_error || t("none")]))
    : el("p", { class: "muted" }, t("no_feeds")));
  document.getElementById("subscriptions").replaceChildren(subs.items.length
    ? table([t("channel"), t("at"), t("failures"), t("enabled"), t("last_run"), ""], subs.items.map((s) => [
      s.channel, `${s.at_time} ${s.timezone}`, String(s.failures), s.enabled ? t("yes") : t("no"), when(s.last_run),
      el("button", { type: "button", class: "secondary", onclick: () => attempt(async () => {
        if (!(await confirmed(t("stop_question", { channel: s.channel })))) return;
        await api("DELETE", "/subscriptions/" + encodeURIComponent(s.channel));
        await loaders.schedule();
      }, t("stopped")) }, t("stop"))]))
    : el("p", { class: "muted" }, t("no_subscriptions")));
};

loaders.usage = async () => {
  const usage = await api("GET", "/usage?days=7&limit=100");
  const budget = usage.channel_budget;
  document.getElementById("usage-table").replaceChildren(
    el("p", {}, budget ? t("budget", { tokens: budget }) : t("no_budget")),
    table([t("day"), t("channel"), t("requests"), t("tokens"), t("of_budget")], usage.items.map((u) => {
      const tokens = u.prompt_tokens + u.completion_tokens;
      return [u.day, u.channel, String(u.requests), String(tokens), budget ? `${Math.round((100 * tokens) / budget)} %` : "—"];
    })));
};

// live figures: counters as rates, gauges as they are

const history = [];
const charts = [
  { name: t("turns_per_minute"), value: (a, b) => ((b.turns - a.turns) * 60) / Math.max(1, b.at - a.at) },
  { name: t("llm_latency"), value: (a, b) => (b.llm_calls > a.llm_calls ? (b.llm_seconds - a.llm_seconds) / (b.llm_calls - a.llm_calls) : 0) },
  { name: t("queue_depth"), value: (a, b) => b.queue_depth },
  { name: t("errors_per_minute"), value: (a, b) => ((b.platform_errors - a.platform_errors) * 60) / Math.max(1, b.at - a.at) },
  { name: t("open_sockets"), value: (a, b) => b.web_sockets },
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
  document.getElementById("invite-list").replaceChildren(table([t("player"), t("created"), t("state"), ""],
    invites.items.map((i) => [i.name, when(i.created_at), i.revoked ? t("revoked") : t("open"),
      i.revoked ? "" : el("button", { type: "button", class: "secondary", onclick: () => attempt(async () => {
        if (!(await confirmed(t("revoke_question", { name: i.name })))) return;
        await api("DELETE", `/invites/${i.id}`);
        await loaders.invites();
      }, t("invite_revoked")) }, t("revoke"))])));
};

document.getElementById("invite-add").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = document.getElementById("invite-name");
  attempt(async () => {
    const made = await api("POST", "/invites", { name: input.value });
    document.getElementById("invite-link").textContent = made.link;
    input.value = "";
    await loaders.invites();
  }, t("invite_created"));
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
