/// The report's one style sheet, inline: screen layout, then print rules for A4 (margins, no
/// page break inside a chart or a table row, the scenario listing on a new page).
enum ReportStyle {
    static let css = """
        body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:980px;margin:0 auto;padding:16px 24px;line-height:1.4}
        h1{font-size:1.7em;margin:0.2em 0}h2{font-size:1.3em;border-bottom:2px solid #1b6ca8;padding-bottom:2px;margin-top:1.6em}
        h3{font-size:1.05em;margin:0.8em 0 0.3em}
        .description{font-size:1.05em;color:#333}
        nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;padding:0;list-style:none;font-size:0.9em}
        a{color:#1b6ca8}a.src{text-decoration:none;border-bottom:1px dotted #1b6ca8}
        .opening{display:flex;gap:20px;align-items:flex-start;flex-wrap:wrap}
        .answer{flex:3 1 480px}.base-case{flex:1 1 220px;background:#f3f5f8;border-left:4px solid #888;padding:4px 12px}
        .headline{font-size:1.15em}.basis{color:#555;font-size:0.9em}
        .options{list-style:none;padding:0}.options li{margin:2px 0}
        .swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:middle}
        figure{margin:12px 0 20px}figcaption,.caption{color:#444;font-size:0.9em;margin-top:2px}
        svg.chart{max-width:100%;height:auto;font-size:12px;display:block}
        svg text{fill:#222}svg .axis line{stroke:#444}svg .grid{stroke:#e3e3e3 !important}
        svg .axis-title{font-weight:600}svg .legend text{font-size:12px}
        svg .series{fill:none;stroke-width:2}svg .area{fill-opacity:0.12;stroke:none}svg .band{fill-opacity:0.25;stroke:none}
        svg .marker{stroke:#111;stroke-dasharray:4 3}svg .deadline{stroke:#c00;stroke-width:2;stroke-dasharray:6 3}
        svg .marker-label,svg .deadline-label{font-weight:600}svg .deadline-label{fill:#c00}
        svg .swing-low{fill:#9fb7d9}svg .swing-high{fill:#e39aa5}svg .whisker{stroke:#111;stroke-width:1.5}
        svg .budget{stroke:#000;stroke-width:2.5}svg .value{font-weight:600}
        svg .switch{stroke:#6a4c93;stroke-width:2;stroke-dasharray:5 3}svg .switch-label{fill:#6a4c93;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px}
        svg .range{stroke-width:2.5}svg .changed{font-weight:700}svg .on-bar{font-size:11px}svg .segment{stroke:#fff;stroke-width:0.5}
        tr.changed td{background:#fff3d6}tr.case-start td{border-top:1px solid #999}tr.muted td{color:#888}
        .fans{display:flex;flex-wrap:wrap;gap:8px}
        table{border-collapse:collapse;margin:8px 0;font-size:0.9em}
        th,td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
        th{background:#eef2f7}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        pre.listing{font-size:0.8em;background:#fafafa;border:1px solid #ddd;padding:6px;white-space:pre-wrap;word-break:break-word}
        pre.listing .n{color:#888;user-select:none}pre.listing .line:target{background:#fff3b0}
        @page{size:A4;margin:14mm 12mm}
        @media print{
        body{max-width:none;padding:0;font-size:9pt}td.num{white-space:nowrap}nav{display:none}
        h2{break-after:avoid;page-break-after:avoid}
        figure,svg,tr,.opening{break-inside:avoid;page-break-inside:avoid}
        section#scenario{break-before:page;page-break-before:always}
        section#summary{break-before:page;page-break-before:always}
        a{color:inherit}
        }
        """
}
