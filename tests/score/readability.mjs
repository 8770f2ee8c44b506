// readability.mjs LIST: Mozilla's readability on each page that the JSON
// array in LIST names; prints {page: textContent} (null where it finds no
// article).  The page's URL is a file: URL, so relative links resolve as
// they would in the browser that saved it.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const pages = JSON.parse(readFileSync(process.argv[2], "utf8"));
const quiet = new VirtualConsole();
const out = {};
for (const page of pages) {
  try {
    const dom = new JSDOM(readFileSync(page), { url: pathToFileURL(page).href, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    out[page] = article ? article.textContent : null;
    dom.window.close();
  } catch (e) {
    process.stderr.write(`${page}: ${e.message}\n`);
    out[page] = null;
  }
}
process.stdout.write(JSON.stringify(out));
