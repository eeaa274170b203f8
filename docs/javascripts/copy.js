// The copy button of a pycon block copies only its input lines, without the
// ">>> " and "... " prompts and without the output, so that what a reader
// pastes into Python runs. Other blocks copy as they are.
//
// Material's copy button takes its text from the closest element with a
// data-copy attribute, if there is one; we set that attribute when the
// button is pressed (in the capture phase, before Material's own handler).
(function () {
  "use strict";

  // The input lines of a Pygments-highlighted pycon block: each line that
  // starts with a prompt (span.gp), without the prompt.
  function pyconInput(code) {
    const lines = [];
    let line = { prompt: false, text: "" };
    const newline = () => {
      if (line.prompt) lines.push(line.text);
      line = { prompt: false, text: "" };
    };
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          const parts = child.textContent.split("\n");
          parts.forEach((part, i) => {
            if (i > 0) newline();
            line.text += part;
          });
        } else if (child.nodeType !== Node.ELEMENT_NODE) {
          continue;
        } else if (child.classList.contains("gp")) {
          if (line.text === "") line.prompt = true; // the prompt itself is left out
        } else if (!child.classList.contains("md-annotation")) {
          walk(child);
        }
      }
    };
    walk(code);
    newline();
    const text = lines.join("\n").replace(/[ \t]+#\s*\(\d+\)!/g, "");
    return text.replace(/[ \t]+$/gm, "") + "\n";
  }

  document.addEventListener(
    "click",
    (event) => {
      const button = event.target.closest && event.target.closest("[data-clipboard-target]");
      if (!button) return;
      const code = document.querySelector(button.getAttribute("data-clipboard-target"));
      const block = code && code.closest(".language-pycon");
      if (block) block.setAttribute("data-copy", pyconInput(code));
    },
    true
  );
})();
