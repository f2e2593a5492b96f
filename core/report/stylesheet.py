"""The HTML report's embedded stylesheet: screen and paper, no external resources.

Kept as a Python string (not a packaged .css file) so a frozen bundle cannot
lose it and the HTML file stays one self-contained document. System fonts
only; no web fonts, images or imports.
"""

STYLESHEET = """
:root {
  --ink: #1d2433; --muted: #5b6576; --rule: #d5d9e0; --paper: #ffffff;
  --head: #f2f4f7; --mark: #ffe58f; --high: #b42318; --medium: #b54708; --low: #475467;
}
* { box-sizing: border-box; }
html { background: #eef0f3; }
body {
  margin: 2rem auto; max-width: 60rem; padding: 2.5rem 3rem 3rem;
  background: var(--paper); color: var(--ink);
  font: 11pt/1.5 Charter, "Bitstream Charter", Georgia, "Times New Roman", serif;
  box-shadow: 0 1px 4px rgba(16, 24, 40, .12);
}
h1, h2, h3, h4, th, .meta, footer, ul li strong {
  font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
}
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1rem;
     padding-bottom: .6rem; border-bottom: 3px solid var(--ink); }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem;
     border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.8rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.8rem 0 .3rem; padding: .15rem 0 .15rem .6rem;
     border-left: 4px solid var(--low); }
h4.high { border-left-color: var(--high); }
h4.medium { border-left-color: var(--medium); }
ul { padding-left: 1.2rem; }
p.meta { font-size: .85rem; color: var(--muted); margin: .2rem 0 .6rem; }
p.meta strong { color: var(--ink); }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .55rem; vertical-align: top;
         text-align: left; overflow-wrap: break-word; }
th { background: var(--head); font-size: .8rem; font-weight: 600; white-space: nowrap; }
td[style*="right"] { white-space: nowrap; }
p.meta + table td { width: 50%; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
a { color: #175cd3; overflow-wrap: anywhere; }
footer { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--rule);
         font-size: .8rem; color: var(--muted); }
@page {
  size: auto; margin: 18mm 16mm 20mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
                  font: 8pt Helvetica, Arial, sans-serif; color: #5b6576; }
}
@media print {
  html { background: none; }
  body { margin: 0; max-width: none; padding: 0; box-shadow: none; font-size: 10pt; }
  h2.event { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; }
  table, tr, p.meta { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
