import Foundation

extension FiscalModel {
    /// The fiscal model of a budget book's expenditure lines: measures approved (phase approved),
    /// revised (adjusted) and realized (executed), in rials; dimensions year, region, function,
    /// economic class, department, program, project and line.
    public static let budgetLines = FiscalModel(
        measures: [
            Measure(name: "approved", source: "approved", resource: "budget_lines", currency: "IRR", direction: "expenditure", phase: "approved"),
            Measure(name: "revised", source: "revised", resource: "budget_lines", currency: "IRR", direction: "expenditure", phase: "adjusted"),
            Measure(name: "realized", source: "realized", resource: "budget_lines", currency: "IRR", direction: "expenditure", phase: "executed"),
        ],
        dimensions: [
            Dimension(name: "year", attributes: [Attribute(name: "year", source: "year")], primaryKey: ["year"], dimensionType: "datetime"),
            Dimension(name: "region", attributes: [Attribute(name: "code", source: "region_code"),
                                                   Attribute(name: "name", source: "region_name", labelfor: "code")],
                      primaryKey: ["code"], dimensionType: "location"),
            Dimension(name: "function", attributes: [Attribute(name: "code", source: "function"),
                                                     Attribute(name: "name", source: "function_name", labelfor: "code")],
                      primaryKey: ["code"], dimensionType: "classification", classificationType: "functional"),
            Dimension(name: "economic_class", attributes: [Attribute(name: "code", source: "economic_class"),
                                                           Attribute(name: "name", source: "economic_class_name", labelfor: "code")],
                      primaryKey: ["code"], dimensionType: "classification", classificationType: "economic"),
            Dimension(name: "department", attributes: [Attribute(name: "name", source: "department")], primaryKey: ["name"],
                      dimensionType: "classification", classificationType: "administrative"),
            Dimension(name: "program", attributes: [Attribute(name: "name", source: "program")], primaryKey: ["name"], dimensionType: "activity"),
            Dimension(name: "project", attributes: [Attribute(name: "id", source: "project_id")], primaryKey: ["id"], dimensionType: "activity"),
            Dimension(name: "line", attributes: [Attribute(name: "id", source: "line_id")], primaryKey: ["id"], dimensionType: "fact"),
        ])
}

extension FiscalCube {
    /// The budget lines of a book as a cube in rials, with Persian labels for regions, functions and classes.
    public init(book: BudgetBook) {
        let model = FiscalModel.budgetLines
        let regionNames = Dictionary(book.regions.map { ($0.code, $0.nameFa) }, uniquingKeysWith: { first, _ in first })
        let functionNames = Dictionary(book.functions.map { ($0.code, $0.nameFa) }, uniquingKeysWith: { first, _ in first })
        self.init(name: book.metadata.name, model: model, attributeRefs: model.attributeRefs, measureNames: model.measures.map(\.name))
        attributeValues.reserveCapacity(book.budgetLines.count)
        measureValues.reserveCapacity(book.budgetLines.count)
        for line in book.budgetLines {
            let regionName = line.regionCode == Region.centralCode ? "ستاد" : (regionNames[line.regionCode] ?? "")
            append(attributes: [String(line.year), line.regionCode, regionName, line.function, functionNames[line.function] ?? "",
                                line.economicClass.code, line.economicClass.nameFa, line.department, line.program ?? "",
                                line.projectId ?? "", line.lineId],
                   measures: [line.approved.decimal, line.revised?.decimal, line.realized?.decimal])
        }
    }
}
