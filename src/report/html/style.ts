/**
 * The HTML report's only style sheet, inline. Colours are those of the charts (svg.ts), which
 * meet WCAG AA on white: text #1f2328 (15:1), muted #57606a (6:1), links #0550ae (7:1). System
 * fonts only, nothing fetched. On a narrow screen the charts scale down and the tables scroll
 * sideways in their own region; printed, the page is A4 with each section on a new page and no
 * table row, chart or code block cut in two.
 */
export const STYLE = `:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: #ffffff;
  color: #1f2328;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  font-size: 16px;
  line-height: 1.5;
}
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.15rem; line-height: 1.3; margin: 1.75rem 0 0.5rem; }
p, ul, ol { margin: 0 0 1rem; }
li + li { margin-top: 0.25rem; }
a { color: #0550ae; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.875em; overflow-wrap: anywhere; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
.table-wrap:focus-visible { outline: 2px solid #0550ae; outline-offset: 2px; }
table { border-collapse: collapse; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; vertical-align: top; }
thead th { background: #f6f8fa; text-align: left; }
tbody th { font-weight: normal; text-align: left; }
figure.chart { margin: 0 0 1.25rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
@media (max-width: 40rem) {
  main { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.2rem; }
  h3 { font-size: 1.05rem; }
  table { font-size: 0.8125rem; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  main > h2 { break-before: page; }
  main > h2:first-of-type { break-before: auto; }
  h1, h2, h3 { break-after: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr, figure.chart, pre { break-inside: avoid; }
  a { color: inherit; }
}
`;
