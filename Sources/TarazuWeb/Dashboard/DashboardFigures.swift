import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuForecast
import TarazuReport

/// The dashboard's inline SVG figures (presentation attributes only; Double for geometry only). Each
/// figure's numbers are also in a table on the same page.
enum DashboardFigures {
    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Horizontal bars, two per row (first light, second dark), mirrored in Persian.
    static func bars(_ bars: DashboardView.Bars, id: String, language: WebLanguage) -> String {
        guard !bars.bars.isEmpty else { return "" }
        let largest = max(1, bars.bars.map { max($0.first, $0.second ?? 0) }.max() ?? 1)
        let width = 640.0, labelWidth = 230.0, barArea = width - labelWidth - 10, rowHeight = 34.0
        let height = Double(bars.bars.count) * rowHeight + 30
        let rtl = language == .fa
        let direction = rtl ? " direction=\"rtl\"" : ""
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(htmlEscape(language.pick(bars.title)))</title>"
        for (index, bar) in bars.bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            let name = language.pick(bar.fa, bar.en)
            let label = name.count > 28 ? String(name.prefix(27)) + "…" : name
            let barStart = rtl ? width - labelWidth : labelWidth
            func rect(_ value: Int64, _ dy: Double, _ fill: String) -> String {
                let length = max(0, barArea * Double(value) / Double(largest))
                let x = rtl ? barStart - length : barStart
                return "<rect x=\"\(fmt(x))\" y=\"\(fmt(y + dy))\" width=\"\(fmt(length))\" height=\"12\" fill=\"\(fill)\"/>"
            }
            svg += "<text x=\"\(fmt(rtl ? width - 4 : 4))\" y=\"\(fmt(y + 16))\" font-size=\"13\"\(direction)>\(htmlEscape(label))</text>"
            svg += rect(bar.first, 2, "#8fb3d9")
            if let second = bar.second { svg += rect(second, 16, "#1f5f99") }
        }
        let legendY = height - 8
        svg += "<rect x=\"\(rtl ? fmt(width - 20) : "10")\" y=\"\(fmt(legendY - 10))\" width=\"10\" height=\"10\" fill=\"#8fb3d9\"/>"
        svg += "<text x=\"\(rtl ? fmt(width - 26) : "26")\" y=\"\(fmt(legendY))\" font-size=\"12\"\(direction)>\(htmlEscape(language.pick(bars.first)))</text>"
        svg += "<rect x=\"\(rtl ? fmt(width - 140) : "130")\" y=\"\(fmt(legendY - 10))\" width=\"10\" height=\"10\" fill=\"#1f5f99\"/>"
        svg += "<text x=\"\(rtl ? fmt(width - 146) : "146")\" y=\"\(fmt(legendY))\" font-size=\"12\"\(direction)>\(htmlEscape(language.pick(bars.second)))</text>"
        return "<figure>" + svg + "</svg></figure>\n"
    }

    /// The regions view's figure: a choropleth of spending per resident when the book ships a regions
    /// map (realized, else approved), else the bars of approved and realized spending.
    static func regionFigure(_ view: DashboardView, map: RegionMap?, language: WebLanguage) -> String {
        guard let map, let table = view.tables.first(where: { $0.id == "regions" }) else {
            return view.bars.map { Self.bars($0, id: "regions-figure", language: language) } ?? ""
        }
        func column(_ key: String) -> Int? { table.columns.firstIndex { $0.key == key } }
        guard let codeColumn = column("region"), let nameColumn = column("name"),
              let approvedColumn = column("approved_per_person"), let realizedColumn = column("realized_per_person")
        else { return "" }
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
                                       valueText: value.map { WebFormat.integer($0, language) + language.pick(" ریال", " rials") } ?? "—")
        }
        let title = useRealized ? language.pick("سرانهٔ هزینه‌شده به تفکیک منطقه (ریال به ازای هر نفر)", "Realized spending per resident by region (rials per person)")
                                : language.pick("سرانهٔ مصوب به تفکیک منطقه (ریال به ازای هر نفر)", "Approved spending per resident by region (rials per person)")
        let svg = ChoroplethMap.svg(map: map, entries: entries, title: title, noValueText: language.pick("بدون داده", "no data"),
                                    formatBound: { WebFormat.integer(PerResident.wholeRials($0), language) },
                                    digits: { WebFormat.digits($0, language) })
        let note = language.pick("نقشه از پروندهٔ regions.geojson کتاب است؛ ارقام دقیق در جدول زیر.", "The map comes from the book's regions.geojson; exact figures are in the table below.")
        return "<figure class=\"map\">" + svg + "<figcaption>\(htmlEscape(title)). \(htmlEscape(note))</figcaption></figure>\n"
    }

    /// A trend chart drawn by TarazuReport's line chart (history solid, forecast dashed, 80/95 % bands).
    static func lineChart(_ chart: TrendsModel.Chart, language: WebLanguage) -> String {
        let reportLanguage: ReportLanguage = language == .fa ? .fa : .en
        var points = chart.history.map { item in
            LinePoint(year: item.year, yearLabel: WebFormat.year(item.year, language), isForecast: false,
                      value: Double(item.value), display: WebFormat.billions(item.value, language))
        }
        for item in chart.forecasts {
            func band(_ low: Int64?, _ high: Int64?) -> ClosedRange<Double>? {
                guard let low, let high, low <= high else { return nil }
                return Double(low)...Double(high)
            }
            points.append(LinePoint(year: item.year, yearLabel: WebFormat.year(item.year, language), isForecast: true,
                                    value: Double(item.value), display: WebFormat.billions(item.value, language),
                                    band80: band(item.lo80, item.hi80), band95: band(item.lo95, item.hi95)))
        }
        let values = chart.history.map(\.value) + chart.forecasts.flatMap { [$0.value, $0.hi95 ?? $0.value, $0.lo95 ?? $0.value] }
        let high = max(values.max() ?? 1, 1)
        let low = min(values.min() ?? 0, 0)
        let ticks = [low, low / 2 + high / 2, high].map { LineTick(value: Double($0), label: WebFormat.billions($0, language)) }
        let spec = LineChartSpec(
            id: chart.id, title: language.pick(chart.title),
            unitNote: language.pick("میلیارد ریال، قیمت جاری", "billion rials, current prices"), points: points,
            legend: [language.pick("گذشته", "history"), language.pick("پیش‌بینی", "forecast"),
                     language.pick("بازهٔ ۸۰٪", "80% interval"), language.pick("بازهٔ ۹۵٪", "95% interval")],
            ticks: ticks,
            tableHeader: [language.pick("سال", "Year"), language.pick("واقعی", "Observed"), language.pick("پیش‌بینی", "Forecast")])
        return "<figure>" + SVGLineChart(spec: spec, language: reportLanguage, emptyText: language.pick("داده‌ای نیست", "No data")).render() + "</figure>\n"
    }
}
