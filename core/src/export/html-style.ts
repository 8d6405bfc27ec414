/** The stylesheet of the HTML export: readable on screen, tidy on paper, no external font or image. */
export const EXPORT_CSS = `
:root{color-scheme:light;--text:#1b1f24;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--accent:#0969da;--good:#1a7f37;--mid:#9a6700;--bad:#cf222e}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--text);background:#fff}
main{max-width:1040px;margin:0 auto;padding:32px 24px 64px}
header.cover{border-bottom:2px solid var(--line);margin-bottom:24px;padding-bottom:12px}
header.cover h1{margin:0 0 4px;font-size:28px}
.meta{color:var(--muted);font-size:13px}
nav.toc{font-size:13px;margin:8px 0 24px}
nav.toc a{margin-right:14px}
h2{font-size:21px;margin:36px 0 12px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:17px;margin:24px 0 8px}
a{color:var(--accent)}
.diagram{overflow:auto;border:1px solid var(--line);border-radius:8px;background:var(--soft);padding:8px}
.diagram svg{display:block;max-width:100%;height:auto;margin:0 auto}
.section-body pre,.section-body code{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft)}
.section-body pre{padding:10px;border-radius:6px;overflow:auto;white-space:pre-wrap}
.empty{color:var(--muted);font-style:italic}
table{border-collapse:collapse;margin:8px 0 16px;font-size:14px}
th,td{border:1px solid var(--line);padding:5px 10px;text-align:left;vertical-align:top}
th{background:var(--soft)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.score{display:inline-block;min-width:2.6em;text-align:center;border-radius:10px;padding:0 6px;font-weight:600;font-size:13px;color:#fff}
.s0,.s1{background:var(--bad)}.s2{background:var(--mid)}.s3,.s4{background:var(--good)}
.item{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:10px 0;break-inside:avoid}
.item h4{margin:0 0 4px;font-size:15px;display:flex;justify-content:space-between;gap:8px}
.item ul{margin:4px 0 4px 18px;padding:0}
.label{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin-top:6px}
blockquote{margin:6px 0;padding:4px 12px;border-left:3px solid var(--line);color:#24292f;white-space:pre-wrap}
.qa{margin:10px 0;break-inside:avoid}
.private{border:2px dashed var(--mid);border-radius:8px;padding:4px 16px}
.qa:target,#design section:target{outline:3px solid #d4a72c;outline-offset:2px}
@media print{
  body{font-size:11pt}
  main{max-width:none;padding:0}
  nav.toc{display:none}
  a{color:inherit;text-decoration:none}
  h2{break-after:avoid}
  .diagram{border:none;background:none;padding:0;overflow:visible}
  .review{break-before:page}
  @page{margin:16mm}
}
`;
