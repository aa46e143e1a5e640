// What every page's script shares: DOM building with text only (never HTML),
// the JSON API with the session's CSRF token, toasts and a confirmation dialog,
// and the page's words: the server puts them in the page's language in a JSON block
// (#words), so no sentence is written here.

const WORDS = JSON.parse(document.getElementById("words")?.textContent || "{}");

// The page's word for `name`, its {placeholders} filled from `values`.
export function t(name, values = {}) {
  const text = WORDS[name] ?? name;
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute("content") : "";
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  const options = { method, headers, credentials: "same-origin" };
  if (method !== "GET") headers["X-CSRF-Token"] = csrfToken();
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch("/api/v1" + path, options);
  if (response.status === 401) {
    window.location.assign("/web/");
    throw new ApiError(401, t("signed_out"));
  }
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, (data && data.detail) || response.statusText);
  return data;
}

export function toast(text, bad = false) {
  const box = document.getElementById("toasts");
  const note = el("div", { class: bad ? "toast bad" : "toast", role: bad ? "alert" : "status" }, text);
  box.append(note);
  setTimeout(() => note.remove(), 5000);
}

export function confirmed(question) {
  const dialog = document.getElementById("confirm");
  document.getElementById("confirm-text").textContent = question;
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.showModal();
    document.getElementById("confirm-ok").focus();
  });
}

export function when(seconds) {
  if (!seconds) return t("never");
  return new Date(seconds * 1000).toLocaleString(document.documentElement.lang || undefined);
}
