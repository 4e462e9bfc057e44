import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuForecast
import TarazuHTML
import TarazuReport

/// The dashboard's inline SVG figures: bars (``BarChart``), and TarazuReport's choropleth and line chart,
/// whose SVG (every text in it escaped) goes in as trusted markup. Each figure's numbers are also in a
/// table on the same page.
enum DashboardFigures {
    /// Horizontal bars, two per row (first light, second dark), mirrored in Persian.
    static func bars(_ bars: DashboardView.Bars, id: String, language: WebLanguage) -> HTMLNode {
        guard !bars.bars.isEmpty else { return .empty }
        return BarChart(id: id, title: language.pick(bars.title),
                        bars: bars.bars.map { BarChart.Bar(label: language.pick($0.fa, $0.en), first: $0.first, second: $0.second) },
                        legend: (language.pick(bars.first), language.pick(bars.second))).figure(language)
    }

    /// The regions view's figure: a choropleth of spending per resident when the book ships a regions
    /// map (realized, else approved), else the bars of approved and realized spending.
    static func regionFigure(_ view: DashboardView, map: RegionMap?, language: WebLanguage) -> HTMLNode {
        guard let map, let table = view.tables.first(where: { $0.id == "regions" }) else {
            return view.bars.map { Self.bars($0, id: "regions-figure", language: language) } ?? .empty
        }
        func column(_ key: String) -> Int? { table.columns.firstIndex { $0.key == key } }
        guard let codeColumn = column("region"), let nameColumn = column("name"),
              let approvedColumn = column("approved_per_person"), let realizedColumn = column("realized_per_person")
        else { return .empty }
        func rials(_ cell: DashboardTable.Cell) -> Int64? {
            if case .perPerson(let value) = cell { return value }
            return nil
        }
        let useRealized = table.rows.contains { rials($0.cells[realizedColumn]) != nil }
        let valueColumn = useRealized ? realizedColumn : approvedColumn
        let entries = table.rows.compactMap { row -> ChoroplethMap.Entry? in
            guard case .text(let code) = row.cells[codeColumn] else { return nil }
            var name = code
            if case .names(let fa, let en) = row.cells[nameColumn] { name = language.pick(fa, en) }
            let value = rials(row.cells[valueColumn])
            return ChoroplethMap.Entry(code: code, name: name, value: value.map { Decimal($0) },
                                       valueText: value.flatMap { FigureText(language: language).scalar(.rials($0), unit: "rials_per_person") } ?? "—")
        }
        let title = useRealized ? language.pick("سرانهٔ عملکرد به تفکیک منطقه (میلیون ریال به ازای هر نفر)", "Realized spending per resident by region (million rials per person)")
                                : language.pick("سرانهٔ اعتبار مصوب به تفکیک منطقه (میلیون ریال به ازای هر نفر)", "Approved budget per resident by region (million rials per person)")
        let numerals = Numerals(language: language)
        let svg = ChoroplethMap.svg(map: map, entries: entries, title: title, noValueText: language.pick("بدون داده", "no data"),
                                    digits: { WebFormat.digits($0, language) })
        return .line("figure", ["class": "map"]) {
            HTMLNode.trustedMarkup(svg)
            PortalRegions.mapLegend(entries, language) { numerals.fixed($0 / 1_000_000, places: 1) }
            HTMLNode.element("figcaption") {
                "\(title). "
                if language == .fa {
                    "نقشه از پروندهٔ نقشهٔ مناطق در کتاب بودجه است؛ ارقام دقیق در جدول زیر."
                } else {
                    "The map comes from the book's "
                    HTMLNode.element("code") { "regions.geojson" }
                    "; exact figures are in the table below."
                }
                if map.isSchematic { " "; HTMLNode.element("strong") { PortalRegions.schematicNote(language) } }
            }
        }
    }

    /// A trend chart drawn by TarazuReport's line chart (history solid, forecast dashed, 80/95 % bands),
    /// under a caption with its title and unit: the axis and the points carry billions of rials without the
    /// unit words, so that they fit and do not run into each other; the table below has every value.
    static func lineChart(_ chart: TrendsModel.Chart, language: WebLanguage) -> HTMLNode {
        let reportLanguage: ReportLanguage = language == .fa ? .fa : .en
        let numerals = Numerals(language: language)
        // Billions of rials without the unit words; a negative figure (a low forecast band) with its sign isolated.
        func billions(_ rials: Int64) -> String {
            guard rials < 0 else { return numerals.billions(rials) }
            return FigureText(language: language).signed(numerals.fixed(Decimal(rials).magnitude / 1_000_000_000, places: 1), negative: true)
        }
        var points = chart.history.map { item in
            LinePoint(year: item.year, yearLabel: WebFormat.year(item.year, language), isForecast: false,
                      value: Double(item.value), display: billions(item.value))
        }
        for item in chart.forecasts {
            func band(_ low: Int64?, _ high: Int64?) -> ClosedRange<Double>? {
                guard let low, let high, low <= high else { return nil }
                return Double(low)...Double(high)
            }
            points.append(LinePoint(year: item.year, yearLabel: WebFormat.year(item.year, language), isForecast: true,
                                    value: Double(item.value), display: billions(item.value),
                                    band80: band(item.lo80, item.hi80), band95: band(item.lo95, item.hi95)))
        }
        let values = chart.history.map(\.value) + chart.forecasts.flatMap { [$0.value, $0.hi95 ?? $0.value, $0.lo95 ?? $0.value] }
        let high = max(values.max() ?? 1, 1)
        let low = min(values.min() ?? 0, 0)
        let ticks = LineTick.billions(low: low, high: high, numerals: numerals)
        let unitNote = language.pick("ارقام به میلیارد ریال، به قیمت جاری", "Figures in billion rials, at current prices")
        let spec = LineChartSpec(
            id: chart.id, title: language.pick(chart.title), unitNote: unitNote, points: points,
            legend: [language.pick("ثبت‌شده", "observed"), language.pick("پیش‌بینی", "forecast"),
                     language.pick("بازهٔ ۸۰٪", "80 % interval"), language.pick("بازهٔ ۹۵٪", "95 % interval")],
            ticks: ticks,
            tableHeader: [language.pick("سال", "Year"), language.pick("واقعی", "Observed"), language.pick("پیش‌بینی", "Forecast")])
        // On a phone the chart keeps a readable size and scrolls sideways in its figure (focusable, to scroll by keyboard).
        return .line("figure", ["class": "trend", "tabindex": "0"]) {
            HTMLNode.element("figcaption") {
                language.pick(chart.title)
                HTMLNode.element("span") { unitNote + language.pick("؛ ارقام هر سال در جدول زیر.", "; each year's figures are in the table below.") }
            }
            HTMLNode.trustedMarkup(SVGLineChart(spec: spec, language: reportLanguage, emptyText: language.pick("داده‌ای نیست", "No data")).render())
        }
    }
}
