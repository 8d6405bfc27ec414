/** `designroom help` */
export const HELP = `designroom — review system-design documents against the rubric

Usage:
  designroom review FILE.md [--json] [--reviewer rules|openai] [--format md|html|json]
      Review a design doc (Markdown + YAML front matter + Mermaid flowchart).
      Prints a report: score table, evidence, what is missing, follow-up questions.
      --json       print exactly the Review JSON (review-contract.md) on stdout
      --reviewer   rules (default, offline); openai is not available yet
      --format     write the review as an export instead: md (the design doc
                   followed by the review), html (one self-contained page with
                   the diagram) or json (the export schema)
  designroom import FILE [--format designdoc|mermaid|excalidraw]
      Convert a design doc, a Mermaid flowchart or an Excalidraw drawing to a
      design doc on stdout. Warnings and what could not be mapped go to stderr.
      The format comes from the file name (.md, .mmd, .excalidraw) or content.
  designroom eval DIR
      Review every *.md in DIR and compare with DIR/labels.json: per-design scores
      against the labels, mean absolute error, share within one point, and per
      prompt whether the overall scores rank the designs in the labels' order.
  designroom help
      Show this text.

Exit status: 0 done, 1 bad input (file, front matter, prompt, diagram, drawing, size), 2 bad usage.
`;
