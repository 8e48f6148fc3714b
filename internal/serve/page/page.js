// The form works as it is; this lets a file be dropped onto the page and
// downloads the result in place, showing an error in the page, not on
// a page of its own.
"use strict";
(function () {
  const form = document.getElementById("publish");
  const drop = document.getElementById("drop");
  const file = document.getElementById("file");
  const status = document.getElementById("status");
  const submit = document.getElementById("submit");
  if (!form || !window.fetch) return;

  function show(text, kind) {
    status.textContent = text;
    status.className = kind || "";
  }

  ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => {
    e.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      file.files = e.dataTransfer.files;
      show(e.dataTransfer.files[0].name + " is ready.", "");
    }
  });

  // The name the server gave the file, from Content-Disposition: the
  // UTF-8 form when there is one, else the quoted or the bare name.
  function filename(header, fallback) {
    const h = header || "";
    const star = /filename\*=UTF-8''([^;\s]+)/i.exec(h);
    if (star) return decodeURIComponent(star[1]);
    const quoted = /filename="((?:[^"\\]|\\.)*)"/i.exec(h);
    if (quoted) return quoted[1].replace(/\\(.)/g, "$1");
    const bare = /filename=([^;\s]+)/i.exec(h);
    return bare ? bare[1] : fallback;
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const url = (data.get("url") || "").trim();
    if (!file.files.length && !url) {
      show("Choose a file or paste the address of a page.", "error");
      return;
    }
    if (!file.files.length) data.delete("file");
    submit.disabled = true;
    show("Making the file…", "");
    try {
      const resp = await fetch(form.action, { method: "POST", body: data });
      if (!resp.ok) {
        show((await resp.text()).trim(), "error");
        return;
      }
      const blob = await resp.blob();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = filename(resp.headers.get("Content-Disposition"), "article." + data.get("format"));
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 60000);
      show(a.download + " is downloaded.", "done");
    } catch (err) {
      show("The service could not be reached: " + err.message, "error");
    } finally {
      submit.disabled = false;
    }
  });
})();
