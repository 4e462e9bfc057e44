/// The inline style sheet of the HTML report: typography, bordered tables, coloured status badges
/// and print rules for A4.
enum ReportStyle {
    /// The CSS for a report in `language`.
    static func css(_ language: ReportLanguage) -> String {
        let fonts = language == .fa
            ? #"Vazirmatn, "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, sans-serif"#
            : #"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif"#
        return """
        :root { --ink: #1f2933; --muted: #5f6b7a; --rule: #c9d1da; --head: #eef2f6; --accent: #24527a; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font-family: \(fonts); font-size: 16px; line-height: \(language == .fa ? "1.9" : "1.6"); }
        main.report { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
        h1 { font-size: 1.7rem; line-height: 1.4; color: var(--accent); margin: 0 0 .5rem; }
        h2 { font-size: 1.3rem; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: .25rem; margin: 2.2rem 0 .8rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
        p, li { margin: .35rem 0; }
        .subtitle { color: var(--muted); margin: 0 0 .6rem; }
        .data-note { border-inline-start: 4px solid #d49a00; background: #fff8e6; padding: .5rem .8rem; }
        .table-wrap { overflow-x: auto; margin: .8rem 0; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { border: 1px solid var(--rule); padding: .35rem .55rem; text-align: start; vertical-align: top; }
        thead th { background: var(--head); }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        bdi[dir="ltr"]:not([lang]) { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; unicode-bidi: isolate; }
        .badge { display: inline-block; padding: 0 .5em; border-radius: .7em; font-size: .85em; font-weight: 600; color: #fff; white-space: nowrap; }
        .badge-strong { background: #1b7f3b; }
        .badge-adequate { background: #447f22; }
        .badge-partial { background: #936b00; }
        .badge-weak { background: #c0392b; }
        .badge-absent { background: #7b1e1e; }
        .badge-none { background: #5f6b7a; }
        .declared { color: #6b4e00; background: #fff3cd; border-radius: .3em; padding: 0 .3em; font-size: .9em; }
        .evidence { display: block; }
        td bdi[dir="ltr"] { overflow-wrap: anywhere; }
        ol { list-style-type: \(language == .fa ? "persian" : "decimal"); }
        .note, .muted { color: var(--muted); font-size: .92em; }
        figure.chart { margin: 1.2rem 0; padding: .6rem; border: 1px solid var(--rule); border-radius: .4rem; }
        figure.chart svg { width: 100%; height: auto; display: block; }
        figcaption { font-weight: 600; margin-bottom: .4rem; }
        figcaption .muted { display: block; font-weight: 400; }
        footer.reproducibility { margin-top: 2.5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .9rem; }
        footer.reproducibility ul { list-style: none; padding: 0; }
        @media print {
          @page { size: A4; margin: 16mm 14mm; }
          body { font-size: 10.5pt; }
          main.report { max-width: none; padding: 0; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          table, figure, tr { break-inside: avoid; page-break-inside: avoid; }
          .table-wrap { overflow: visible; }
          .badge, .declared, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
    }
}
