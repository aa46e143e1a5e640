// The story chat: one WebSocket, resumed after a drop with the last event seen,
// replies shown as text as they stream, choices as buttons.
import { el, t } from "./common.js";

const page = document.getElementById("play");
const log = document.getElementById("log");
const status = document.getElementById("status");
const line = document.getElementById("line");
const room = page.dataset.room;
let socket = null;
let epoch = "";
let seen = 0;
let retry = 500;
const messages = new Map();

function scrolled() {
  log.scrollTop = log.scrollHeight;
}

function setStatus(text) {
  status.textContent = text;
}

function choiceButtons(item, choices, ref, counts) {
  const old = item.querySelector(".choices");
  if (old) old.remove();
  if (!choices || choices.length === 0) return;
  const group = el("div", { class: "choices", role: "group", "aria-label": t("choices") });
  choices.forEach((label, index) => {
    const votes = counts && counts.length > index ? ` · ${counts[index]}` : "";
    group.append(el("button", {
      type: "button",
      "data-ref": ref || "",
      onclick: () => send({ type: "choose", n: index + 1, ref }),
    }, `${label}${votes}`));
  });
  item.append(group);
  item.dataset.ref = ref || "";
  item.dataset.choices = JSON.stringify(choices);
}

function show(event) {
  switch (event.type) {
    case "reset":
      log.replaceChildren();
      messages.clear();
      epoch = event.epoch;
      break;
    case "ready":
      epoch = event.epoch;
      seen = event.seq;
      setStatus(t("connected"));
      break;
    case "note":
      log.append(el("li", { class: "note" }, event.text));
      break;
    case "said":
      log.append(el("li", { class: "said" }, el("span", { class: "who" }, event.who + ":"), event.text));
      break;
    case "message": {
      const item = el("li", { class: "message", "data-id": event.id }, el("span", { class: "text" }, event.text));
      messages.set(event.id, item);
      log.append(item);
      choiceButtons(item, event.choices, event.ref);
      break;
    }
    case "edit": {
      const item = messages.get(event.id);
      if (!item) break;
      item.querySelector(".text").textContent = event.text;
      choiceButtons(item, event.choices, event.ref);
      break;
    }
    case "tally":
      for (const item of log.querySelectorAll("li.message")) {
        if (item.dataset.ref === (event.ref || "") && item.dataset.choices) {
          choiceButtons(item, JSON.parse(item.dataset.choices), event.ref, event.counts);
        }
      }
      break;
    case "file": {
      const url = URL.createObjectURL(new Blob([event.text], { type: "text/plain;charset=utf-8" }));
      log.append(el("li", { class: "note" }, t("a_file"), el("a", { class: "file", href: url, download: event.name }, event.name)));
      break;
    }
    case "typing":
      setStatus(t("writing"));
      return;
    default:
      return;
  }
  if (event.seq) seen = Math.max(seen, event.seq);
  if (event.type === "message" || event.type === "edit") setStatus(t("connected"));
  scrolled();
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const query = room ? `?room=${encodeURIComponent(room)}` : "";
  socket = new WebSocket(`${scheme}://${location.host}/web/ws${query}`);
  socket.addEventListener("open", () => {
    retry = 500;
    socket.send(JSON.stringify({ type: "resume", epoch, after: seen }));
  });
  socket.addEventListener("message", (message) => show(JSON.parse(message.data)));
  socket.addEventListener("close", (closed) => {
    if (closed.code === 4401) {
      setStatus(t("signed_out"));
      window.location.assign("/web/");
      return;
    }
    setStatus(t("reconnecting"));
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 10000);
  });
}

function send(body) {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    setStatus(t("not_connected"));
    return false;
  }
  socket.send(JSON.stringify(body));
  return true;
}

document.getElementById("say").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = line.value.trim();
  if (text && send({ type: "say", text })) line.value = "";
});

line.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    document.getElementById("say").requestSubmit();
  }
});

for (const button of document.querySelectorAll("button[data-command]")) {
  button.addEventListener("click", () => send({ type: "say", text: button.dataset.command }));
}

for (const form of document.querySelectorAll("form[data-template]")) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const text = form.dataset.template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] || "").trim());
    if (send({ type: "say", text: text.replace(/:\s*$/, "") })) form.reset();
  });
}

connect();
