import Foundation
import TarazuAnalysis
import TarazuCore

/// Builds the report's sections, in the order of DESIGN.md section 5: title, purpose, one part
/// per lens, the status table, the recommendations, charts, the advanced analysis (when given), PEFA,
/// indicators, data quality, methods and the reproducibility footer.
extension ReportContext {
    /// The whole report.
    var document: ReportDocument {
        let lensCount = input.assessment.lenses.count
        var sections = [purposeSection]
        for (index, lens) in input.assessment.lenses.enumerated() { sections.append(lensSection(lens, number: index + 1)) }
        sections.append(statusSection(number: lensCount + 1))
        sections.append(recommendationSection(number: lensCount + 2))
        if let group = groupSection { sections.append(group) }
        sections.append(Section(id: "charts", title: [.text(text.chartsTitle)], blocks: chartBlocks))
        if let advanced = input.advanced { sections.append(advancedSection(advanced)) }
        sections += [pefaSection, indicatorSection, dataQualitySection, methodsSection]
        return ReportDocument(language: language, title: text.title(city: city, year: year), subtitle: text.subtitle,
                              note: dataNote, sections: sections, footer: footer + (dataNote.map { [[.text(text.dataNote + " ")] + $0] } ?? []))
    }

    /// The book's title and description (an illustrative sample says so there): under the title and
    /// again at the foot of the report, so that no figure is read as the municipality's by mistake.
    var dataNote: Rich? {
        let description = input.book.metadata.description(language)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !description.isEmpty else { return nil }
        let title = input.book.metadata.title(language)
        return [.text(text.bookTitle(title) + " ")] + [freeText(description)]
    }

    // MARK: Parts of the source report

    var purposeSection: Section {
        let lensNames: [Rich] = input.assessment.lenses.map { [.text(pick($0.name))] }
        return Section(id: "purpose", title: [.text(text.purposeTitle)], blocks: [
            .paragraph([.text(text.purposeIntro)]),
            .nestedList([ListItem(text: [.text(text.purposeGoal1(city: city, year: year))], children: []),
                         ListItem(text: [.text(text.purposeGoal2)], children: lensNames)]),
        ] + (ApprovedOnlyYear.isApprovedOnly(input.year, in: input.book) ? [.paragraph([.text(pick(ApprovedOnlyYear.note(year: input.year, in: input.book)))])] : [])
          + (input.book.hasTransfers ? [.paragraph([.text(text.duplicatedFiguresDefinition)])] : []))
    }

    func lensSection(_ lens: Lens, number: Int) -> Section {
        let checks = input.assessment.statements(of: lens.id)
        let positives = checks.filter(\.isPositive).map(checkStatement)
        let challenges = checks.filter { check in check.status.map { $0 >= .partial } ?? false }.map(checkStatement)
        var blocks: [Block] = [
            .subheading([.text(text.concept)]),
            .paragraph([.text(pick(lens.concept))]),
        ]
        if !lens.aspects.isEmpty {
            blocks.append(.paragraph([.text(text.aspectsIntro)]))
            blocks.append(.list(lens.aspects.map { [.text(pick($0))] }))
        }
        blocks.append(.subheading([.text(text.evaluation(of: text.positives))]))
        blocks.append(positives.isEmpty ? .paragraph([.text(text.noneFound)]) : .list(positives))
        blocks.append(.subheading([.text(text.evaluation(of: text.challenges))]))
        blocks.append(challenges.isEmpty ? .paragraph([.text(text.noneFound)]) : .list(challenges))
        if checks.contains(where: { $0.basis == .declared && $0.finding != nil }), let source = declaredSource {
            blocks.append(.paragraph([.span("muted", [freeText(text.declaredSource(source, asOf: declaredAsOf))])]))
        }
        return Section(id: "lens-\(lens.id)", title: [.text(text.part(number, text.lensPart(pick(lens.name))))], blocks: blocks)
    }

    /// A check's finding with its figures filled in; "name: figure" when the rubric gives no
    /// sentence, the figure appended when the sentence quotes none; declared facts marked.
    /// A declared fact opens with «اظهارشده دربارهٔ وضعیت سال …، نه سنجیده از داده‌ها:»; the declarant's
    /// note follows unless it only restates the finding.
    func checkStatement(_ check: CheckResult) -> Rich {
        var runs: Rich
        var sentence = ""
        if let finding = check.finding {
            let extra = check.figures["year"] == nil ? ["year": year] : [:]
            let filled: Bool
            (sentence, filled) = fill(pick(finding), figures: check.figures, extra: extra)
            runs = [.text(sentence)]
            // A declared yes or no is the sentence itself: no parenthesis repeats it.
            let statedBySentence = check.basis == .declared && check.figures["value"]?.unit == "flag"
            if !filled, !statedBySentence { runs.append(.text(" (\(pick(check.name)): \(primaryFigure(check)))")) }
        } else {
            runs = [.text("\(pick(check.name)): \(primaryFigure(check))")]
        }
        if check.basis == .declared {
            runs = [.span("declared", [.text(text.declaredOpening(asOf: declaredAsOf))]), .text(" ")] + runs
        }
        if let note = check.note.map(pick), !note.isEmpty, !Self.restates(note, sentence) {
            runs += [.text(" "), .span("note", [.text(text.notePrefix + " "), freeText(note)])]
        }
        return runs
    }

    /// Whether `note` says nothing `sentence` does not: its letters, in order, are within the sentence's.
    static func restates(_ note: String, _ sentence: String) -> Bool {
        func letters(_ text: String) -> String { String(text.unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init)) }
        let core = letters(note)
        return !core.isEmpty && letters(sentence).contains(core)
    }

    /// Who declares the book's declared facts (governance.yaml's `source:`).
    var declaredSource: String? {
        for indicator in input.indicators where indicator.basis == .declared {
            if case .text(let source)? = indicator.evidence.first?.sums["source"], !source.isEmpty { return source }
        }
        return nil
    }

    /// The Jalali year the declared facts describe (governance.yaml's `as_of:`).
    var declaredAsOf: Int? { DeclaredIndicators.asOf(input.indicators) }

    func statusSection(number: Int) -> Section {
        let rows: [[Rich]] = input.assessment.criteria.map { criterion in
            let evidence: Rich = criterion.checks.enumerated().map { index, check -> Inline in
                var runs: Rich
                if check.basis == .declared, check.status == nil {
                    // A fact nobody declared: said once, not as a missing figure and an unassessed status too.
                    runs = [.text("\(pick(check.name)): "), .span("declared", [.text(text.notDeclared)])]
                } else {
                    runs = [.text("\(pick(check.name)): \(primaryFigure(check)) "), .badge(check.status, statusLabel(check.status))]
                    if check.basis == .declared { runs += [.text(" "), .span("declared", text.declaredMark)] }
                }
                if index < criterion.checks.count - 1 { runs.append(.text(text.listSeparator.trimmingCharacters(in: .whitespaces))) }
                return .span("evidence", runs)
            }
            return [[.text(pick(criterion.name))], [.badge(criterion.status, statusLabel(criterion.status))],
                    [.text(StatusVerdict.text(of: criterion, asOf: declaredAsOf, analysisYear: input.year).map(pick) ?? "-")], evidence]
        }
        return Section(id: "status", title: [.text(text.part(number, text.statusTablePart(city: city)))], blocks: [
            .table(header: [[.text(text.criterion)], [.text(text.status)], [.text(text.verdict)], [.text(text.keyEvidence)]], rows: rows),
        ])
    }

    func recommendationSection(number: Int) -> Section {
        let items: [Rich] = input.assessment.recommendations.map { recommendation in
            let sentence = TargetText(language: language).sentence(recommendation.target)
            let template = pick(recommendation.text)
            let (body, _) = fill(template, figures: [:], extra: ["target": sentence, "year": numerals.year(recommendation.target.byYear)])
            let criterion = input.assessment.criteria.first { $0.id == recommendation.criterion }
            let lens = input.assessment.lenses.first { $0.id == recommendation.criterion }
            var about = text.answers + " " + (criterion.map { pick($0.name) } ?? lens.map { text.lensFindings(pick($0.name)) } ?? recommendation.criterion)
            let observed = input.assessment.observations.first { $0.lens == recommendation.criterion }?.checks
            if let check = (criterion?.checks ?? observed)?.first(where: { $0.id == recommendation.check }) {
                about += text.listSeparator + pick(check.name) + ": " + primaryFigure(check)
                if check.basis == .declared { about += " (" + pick(DeclaredIndicators.opening(asOf: declaredAsOf)) + ")" }
            }
            if !template.contains("{target}") { about += text.listSeparator + text.target + " " + sentence }
            return [.strong([.text(body)]), .text(" "), .span("muted", [.text(about)])]
        }
        var blocks: [Block] = items.isEmpty ? [.paragraph([.text(text.noRecommendations)])] : [.orderedList(items)]
        // Declared facts of an earlier year may be out of date by the time the report is read: say what to do.
        if let note = DeclaredIndicators.recommendationsNote(input.assessment, asOf: declaredAsOf, readIn: input.madeIn) {
            blocks.append(.paragraph([.span("muted", [.text(pick(note))])]))
        }
        return Section(id: "recommendations", title: [.text(text.part(number, text.recommendationsPart))], blocks: blocks)
    }

    // MARK: Tables

    /// A breakdown key as a label, or as a Latin id when it has no label.
    func keyRun(_ key: String) -> Inline {
        if key.hasPrefix("pi"), indicators["pefa.\(key)"] != nil {
            let number = key.dropFirst(2).replacingOccurrences(of: ".", with: "-")
            return language == .fa ? .text("پفا " + number) : .ltr("PI-" + key.dropFirst(2))
        }
        let label = categoryLabel(key)
        return label == key && key.unicodeScalars.allSatisfy(\.isASCII) ? .ltr(key) : .text(label)
    }

    /// `key: value` runs of a breakdown, keys sorted.
    func breakdownRuns(_ breakdown: [String: IndicatorValue], unit: String, keys: [String]? = nil) -> Rich {
        (keys ?? breakdown.keys.sorted()).enumerated().flatMap { index, key -> Rich in
            [.text(index > 0 ? text.listSeparator : ""), keyRun(key),
             .text(": " + values.format(breakdown[key] ?? .unavailable, key: key, indicatorUnit: unit))]
        }
    }

    static let pefaIds = ["pefa.pi1", "pefa.pi2.1", "pefa.pi2.2", "pefa.pi2.3", "pefa.pi2", "pefa.pi3.1", "pefa.pi3.2", "pefa.pi3"]

    var pefaSection: Section {
        let present = Self.pefaIds.compactMap { indicators[$0] }
        func isYear(_ key: String) -> Bool { key.count == 4 && Int(key) != nil }
        let years = Set(present.flatMap { $0.breakdown.keys.filter(isYear) }).sorted()
        let rows: [[Rich]] = present.map { indicator in
            var row: [Rich] = [[.text(indicatorName(indicator.id) + " "), .ltr(indicator.id)],
                               [.strong([.text(values.format(indicator))])]]
            for year in years {
                guard let entry = indicator.breakdown[year] else { row.append([.text("-")]); continue }
                row.append([.text(pefaCell(entry))])
            }
            let others = indicator.breakdown.keys.filter { !isYear($0) }.sorted()
            row.append(others.isEmpty ? [.text("-")] : breakdownRuns(indicator.breakdown, unit: indicator.unit, keys: others))
            return row
        }
        let header: [Rich] = [[.text(text.indicatorColumn)], [.text(text.score)]] + years.map { [.text(numerals.digits($0))] }
            + [[.text(text.components)]]
        let blocks: [Block] = rows.isEmpty ? [.paragraph([.text(text.notAvailable)])]
            : [.paragraph([.text(text.pefaIntro)]), .table(header: header, rows: rows)]
        return Section(id: "pefa", title: [.text(text.pefaTitle)], blocks: blocks)
    }

    /// A PEFA year: its outturn, composition variance or contingency share, and its grade.
    func pefaCell(_ entry: IndicatorValue) -> String {
        guard case .record(let record) = entry else { return values.format(entry, unit: "score") }
        var cell = ""
        if let key = ["outturn", "composition_variance", "share"].first(where: { record[$0] != nil }) {
            cell = values.format(record[key]!, unit: "ratio")
        }
        if let grade = record["grade"] {
            let letter = values.format(grade, unit: "score")
            cell = cell.isEmpty ? letter : "\(cell) (\(letter))"
        }
        return cell.isEmpty ? values.formatRecord(record, unit: "score") : cell
    }

    var indicatorSection: Section {
        let rows: [[Rich]] = input.indicators.map { indicator in
            [[.text(isPersian ? indicator.nameFa : indicator.nameEn)], [.ltr(indicator.id)],
             [.text(indicatorValue(indicator))], [.text(text.unitLabel(indicator.unit))],
             [.text(indicator.computedOn.map { isPersian ? $0.label.fa : $0.label.en } ?? text.basisLabel(indicator.basis))]]
        }
        let header: [Rich] = [[.text(text.indicatorColumn)], [.text(text.identifier)], [.text(text.value)],
                              [.text(text.unit)], [.text(text.basis)]]
        return Section(id: "indicators", title: [.text(text.indicatorsTitle)], blocks: [.table(header: header, rows: rows)])
    }

    /// An indicator's value; for a breakdown by dimension, the total with the lowest and highest entries.
    func indicatorValue(_ indicator: Indicator) -> String {
        values.breakdown.summary(of: indicator) ?? values.format(indicator)
    }

    var dataQualitySection: Section {
        let quality = input.indicators.filter { $0.id.hasPrefix("data_quality.") }
        guard !quality.isEmpty else {
            return Section(id: "data-quality", title: [.text(text.dataQualityTitle)],
                           blocks: [.paragraph([.text(text.noDataQuality)])] + dataErrorBlocks + transferMismatchBlocks)
        }
        let rows: [[Rich]] = quality.map { indicator in
            [[.text((isPersian ? indicator.nameFa : indicator.nameEn) + " "), .ltr(indicator.id)],
             [.text(values.format(indicator))],
             indicator.breakdown.isEmpty ? [.text("-")] : breakdownRuns(indicator.breakdown, unit: indicator.unit, keys: qualityKeys(indicator))]
        }
        let header: [Rich] = [[.text(text.indicatorColumn)], [.text(text.value)], [.text(text.components)]]
        return Section(id: "data-quality", title: [.text(text.dataQualityTitle)],
                       blocks: [.table(header: header, rows: rows)] + dataErrorBlocks + transferMismatchBlocks)
    }

    /// The breakdown keys the data-quality table shows: all of them, except for the likely data errors,
    /// whose rows the section lists below; there only the checks that found a row.
    func qualityKeys(_ indicator: Indicator) -> [String] {
        guard indicator.id == "data_quality.likely_errors" else { return indicator.breakdown.keys.sorted() }
        return indicator.breakdown.keys.sorted().filter { key in
            key != "rows" && (indicator.breakdown[key].flatMap(FigureText.number) ?? 0) > 0
        }
    }

    /// How many rows with likely data errors the data-quality section lists.
    static let dataErrorRows = 50

    /// The rows with likely data errors: what is checked, then a table of the rows with the reason and the figure.
    var dataErrorBlocks: [Block] {
        let errors = input.dataErrors
        var blocks: [Block] = [.subheading([.text(text.dataErrorsHeading)]), .paragraph([.text(text.dataErrorsIntro(numerals))])]
        guard !errors.isEmpty else { return blocks + [.paragraph([.text(text.noDataErrors)])] }
        let shown = errors.prefix(Self.dataErrorRows)
        blocks.append(.paragraph([.text(text.dataErrorCount(errors.count, shown: shown.count, numerals))]))
        let rows: [[Rich]] = shown.map { error in
            [[.text(text.tableName(error.table))], [.ltr(error.row)], [.text(error.year.map(numerals.year) ?? "-")],
             [.text(error.text(language))]]
        }
        let header: [Rich] = [[.text(text.bookTable)], [.text(text.bookRow)], [.text(text.yearWord)], [.text(text.reasonAndFigure)]]
        blocks.append(.table(header: header, rows: rows))
        return blocks
    }

    /// A Persian formula as runs: its prose as text, each symbol or expression (a left-to-right
    /// isolate, ``Indicator/formula``) in code style with its isolate marks.
    func formulaRuns(_ formula: String) -> Rich {
        var runs: Rich = []
        var current = ""
        for character in formula {
            if character == "\u{2066}", !current.isEmpty {
                runs.append(.text(current))
                current = ""
            }
            current.append(character)
            if character == "\u{2069}" {
                runs.append(.ltr(current))
                current = ""
            }
        }
        if !current.isEmpty { runs.append(.text(current)) }
        return runs
    }

    var methodsSection: Section {
        let assessment = input.assessment
        let formulas: [[Rich]] = input.indicators.map { indicator in
            [[.text(isPersian ? indicator.nameFa : indicator.nameEn)], [.ltr(indicator.id)],
             isPersian ? formulaRuns(indicator.formula.fa) : [.ltr(indicator.formula.en)]]
        }
        let criteria: [[Rich]] = assessment.criteria.map { criterion in
            [[.text(pick(criterion.name))], [.badge(criterion.status, statusLabel(criterion.status))], [.text(pick(criterion.reasoning))]]
        }
        let checks: [[Rich]] = assessment.criteria.flatMap { criterion in
            criterion.checks.map { check in
                [[.text(pick(criterion.name))], [.text(pick(check.name))], [.ltr(check.indicator)], [.text(pick(check.rule))]]
            }
        }
        let advanced = input.advanced.map(advancedMethodBlocks) ?? []
        return Section(id: "methods", title: [.text(text.methodsTitle)], blocks: [
            .subheading([.text(text.formulas)]),
            .table(header: [[.text(text.indicatorColumn)], [.text(text.identifier)], [.text(text.formula)]], rows: formulas),
            .subheading([.text(text.rubric)]),
            .paragraph([.text(text.rubricIntro() + " "), .ltr("\(assessment.rubric) \(assessment.rubricVersion)")]),
            .table(header: [[.text(text.criterion)], [.text(text.status)], [.text(text.reasoning)]], rows: criteria),
            .table(header: [[.text(text.criterion)], [.text(text.check)], [.text(text.indicatorColumn)], [.text(text.rule)]], rows: checks),
        ] + advanced)
    }

    var footer: [Rich] {
        var lines: [Rich] = [
            [.text(text.contentHash + " "), .ltr(input.contentHash)],
            [.text(text.rubricVersion + " "), .ltr("\(input.assessment.rubric) \(input.assessment.rubricVersion)")],
            [.text(text.software + " "), .ltr(input.softwareVersion)],
            [.text(text.analysisYear + " " + year)],
        ]
        if let date = input.generatedOn { lines.append([.text(text.generatedOn + " " + numerals.jalaliDate(date))]) }
        return lines
    }
}
