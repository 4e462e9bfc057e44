import Foundation
import TarazuCore
import TarazuTabular

/// What a path given to `tarazu import` or `tarazu aggregate` turned out to hold.
public enum LoadedInput: Sendable {
    /// A Tarazu budget book (DESIGN.md section 3).
    case book(BookAssembler.Outcome)
    /// Any other Fiscal Data Package, read generically through its model.
    case fiscalPackage(FiscalPackageReader.Outcome)

    public var warnings: [Diagnostic] {
        switch self {
        case .book(let outcome): outcome.warnings
        case .fiscalPackage(let outcome): outcome.warnings
        }
    }
}

/// Finds and reads the input at a path: a book folder, a .zip of one, a datapackage.json, a .csv, a .xlsx or a .json.
public enum BookLoader {
    public static func load(_ url: URL, name: String? = nil) throws(InputRejected) -> LoadedInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw reject(url.path, "no such file or folder")
        }
        if isDirectory.boolValue { return try loadFolder(url, name: name) }
        switch url.pathExtension.lowercased() {
        case "json" where url.lastPathComponent.lowercased() == "datapackage.json":
            return try loadPackage(url, name: name)
        case "json":
            return try loadJSON(url, name: name)
        case "xlsx":
            return try loadWorkbook(url, name: name)
        case "csv", "tsv", "txt":
            return try loadLoneTable(url, name: name)
        case "zip":
            let (folder, root) = try BookArchive.extract(url)
            defer { try? FileManager.default.removeItem(at: root) }
            return try loadFolder(folder, name: name)
        default:
            throw reject(url.lastPathComponent, "unsupported file type: give a book folder, a .zip of one, a datapackage.json, a .csv, a .xlsx or a .json")
        }
    }

    private static func reject(_ file: String, _ reason: String) -> InputRejected {
        InputRejected([Diagnostic(.error, file: file, reason: reason)])
    }

    private static func loadFolder(_ url: URL, name: String?) throws(InputRejected) -> LoadedInput {
        let descriptor = url.appendingPathComponent("datapackage.json")
        if FileManager.default.fileExists(atPath: descriptor.path) { return try loadPackage(descriptor, name: name) }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        var tables: [BookTable: RawTable] = [:]
        for file in files where ["csv", "tsv", "txt"].contains((file as NSString).pathExtension.lowercased()) {
            guard let table = BookTable.named(file) else { continue }
            tables[table] = try readCSV(url.appendingPathComponent(file), source: file, name: table.rawValue)
        }
        if tables.isEmpty {
            let books = files.filter { ["xlsx", "json"].contains(($0 as NSString).pathExtension.lowercased()) }
            if books.count == 1 { return try load(url.appendingPathComponent(books[0]), name: name) }
            throw reject(url.lastPathComponent, "no datapackage.json and no budget-book tables (budget_lines.csv, regions.csv, ...) in this folder")
        }
        let metadata = BookMetadata(name: slug(name ?? url.lastPathComponent), title: name ?? url.lastPathComponent)
        return .book(try BookAssembler.assemble(tables, metadata: metadata, governanceYAML: governance(in: url),
                                                regionsGeoJSON: regionMap(in: url)))
    }

    private static func loadPackage(_ url: URL, name: String?) throws(InputRejected) -> LoadedInput {
        let descriptor: FiscalPackageDescriptor
        do {
            descriptor = try FiscalPackageDescriptor.load(url)
        } catch {
            throw reject(error.file, error.reason)
        }
        let bookResources = descriptor.resources.compactMap { resource in BookTable.named(resource.name).map { ($0, resource) } }
        guard bookResources.contains(where: { $0.0 == .budgetLines }) else {
            return .fiscalPackage(try FiscalPackageReader.read(descriptorAt: url))
        }
        var metadata = BookMetadata(name: slug(name ?? descriptor.name), title: descriptor.title ?? descriptor.name,
                                    cityFa: descriptor.cityFa, cityEn: descriptor.cityEn, description: descriptor.description)
        var problems: [Diagnostic] = []
        if let calendar = descriptor.calendar {
            if let value = BookCalendar(rawValue: calendar.lowercased()) { metadata.calendar = value } else {
                problems.append(Diagnostic(.error, file: descriptor.fileName, column: "calendar", reason: "unknown calendar \"\(calendar)\" (jalali or gregorian)"))
            }
        }
        if let unit = descriptor.amountUnit {
            if let value = AmountUnit(rawValue: unit.lowercased()) { metadata.amountUnit = value } else {
                let known = AmountUnit.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(Diagnostic(.error, file: descriptor.fileName, column: "amount_unit", reason: "unknown amount_unit \"\(unit)\" (\(known))"))
            }
        }
        var tables: [BookTable: RawTable] = [:]
        for (table, resource) in bookResources {
            do {
                tables[table] = try descriptor.loadTable(resource)
            } catch {
                problems.append(Diagnostic(.error, file: error.source, row: error.line, reason: error.reason))
            }
        }
        if !problems.isEmpty { throw InputRejected(problems) }
        let folder = url.deletingLastPathComponent()
        let governancePath = descriptor.resources.first { $0.name == "governance" }?.path
        let mapPath = descriptor.resources.first { $0.name == "regions_map" }?.path
        return .book(try BookAssembler.assemble(tables, metadata: metadata,
                                                governanceYAML: governance(in: folder, path: governancePath ?? "governance.yaml"),
                                                regionsGeoJSON: regionMap(in: folder, path: mapPath ?? RegionMapCheck.fileName)))
    }

    private static func loadWorkbook(_ url: URL, name: String?) throws(InputRejected) -> LoadedInput {
        let file = url.lastPathComponent
        let data = try readData(url)
        let sheets: [RawTable]
        do {
            sheets = try XLSXReader.read(data, source: file)
        } catch {
            throw InputRejected([Diagnostic(.error, file: error.source, row: error.line, reason: error.reason)])
        }
        var tables: [BookTable: RawTable] = [:]
        var settings: [String: String] = [:]
        for sheet in sheets {
            if let table = BookTable.named(sheet.name) {
                tables[table] = sheet
            } else if ["metadata", "datapackage", "مشخصات"].contains(PersianText.key(sheet.name)) {
                for row in sheet.rows where row.cells.count >= 2 { settings[PersianText.key(row.cells[0])] = PersianText.normalize(row.cells[1]) }
                if sheet.header.count >= 2 { settings[PersianText.key(sheet.header[0])] = PersianText.normalize(sheet.header[1]) }
            }
        }
        let metadata = try metadata(from: settings, file: file, fallbackName: name ?? url.deletingPathExtension().lastPathComponent)
        let folder = url.deletingLastPathComponent()
        return .book(try BookAssembler.assemble(tables, metadata: metadata, governanceYAML: governance(in: folder),
                                                regionsGeoJSON: regionMap(in: folder)))
    }

    private static func loadJSON(_ url: URL, name: String?) throws(InputRejected) -> LoadedInput {
        let file = url.lastPathComponent
        let data = try readData(url)
        let tablesRead: [RawTable]
        do {
            tablesRead = try JSONTableReader.read(data, source: file)
        } catch {
            throw InputRejected([Diagnostic(.error, file: error.source, row: error.line, column: error.column.map { "char \($0)" }, reason: error.reason)])
        }
        var tables: [BookTable: RawTable] = [:]
        for table in tablesRead {
            if let kind = BookTable.named(table.name) { tables[kind] = table }
        }
        var settings: [String: String] = [:]
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            for (key, value) in object {
                if let text = value as? String { settings[PersianText.key(key)] = PersianText.normalize(text) }
            }
            if let city = object["city"] as? [String: Any] {
                settings["city_fa"] = city["name_fa"] as? String
                settings["city_en"] = city["name_en"] as? String
            }
        }
        let metadata = try metadata(from: settings, file: file, fallbackName: name ?? url.deletingPathExtension().lastPathComponent)
        let folder = url.deletingLastPathComponent()
        return .book(try BookAssembler.assemble(tables, metadata: metadata, governanceYAML: governance(in: folder),
                                                regionsGeoJSON: regionMap(in: folder)))
    }

    private static func loadLoneTable(_ url: URL, name: String?) throws(InputRejected) -> LoadedInput {
        let file = url.lastPathComponent
        var table = try readCSV(url, source: file, name: file)
        let kind = BookTable.named(file) ?? BookTable.allCases.first { candidate in
            let headers = Set(table.header.map(PersianText.key))
            return candidate.columns.filter(\.required).allSatisfy { !$0.keys.isDisjoint(with: headers) }
        }
        guard let kind else {
            throw reject(file, "cannot tell which budget-book table this file is: name it budget_lines.csv (or regions.csv, ...) or use the canonical headers")
        }
        table.name = kind.rawValue
        let folder = url.deletingLastPathComponent()
        let metadata = BookMetadata(name: slug(name ?? folder.lastPathComponent), title: name ?? folder.lastPathComponent)
        return .book(try BookAssembler.assemble([kind: table], metadata: metadata))
    }

    private static func metadata(from settings: [String: String], file: String, fallbackName: String) throws(InputRejected) -> BookMetadata {
        var metadata = BookMetadata(name: slug(settings["name"] ?? fallbackName), title: settings["title"] ?? fallbackName,
                                    cityFa: settings["city_fa"], cityEn: settings["city_en"], description: settings["description"])
        if let unit = settings["amount_unit"] {
            guard let value = AmountUnit(rawValue: unit) else { throw reject(file, "unknown amount_unit \"\(unit)\"") }
            metadata.amountUnit = value
        }
        if let calendar = settings["calendar"] {
            guard let value = BookCalendar(rawValue: calendar) else { throw reject(file, "unknown calendar \"\(calendar)\"") }
            metadata.calendar = value
        }
        return metadata
    }

    private static func readData(_ url: URL) throws(InputRejected) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw reject(url.lastPathComponent, "cannot read the file: \(error.localizedDescription)")
        }
    }

    private static func readCSV(_ url: URL, source: String, name: String) throws(InputRejected) -> RawTable {
        let data = try readData(url)
        do {
            return try CSVReader.read(data, source: source, name: name)
        } catch {
            throw InputRejected([Diagnostic(.error, file: error.source, row: error.line, reason: error.reason)])
        }
    }

    private static func governance(in folder: URL, path: String = "governance.yaml") -> String? {
        try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// The regions' shapes beside the tables (regions.geojson), checked against the regions table.
    private static func regionMap(in folder: URL, path: String = RegionMapCheck.fileName) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// A book name safe for URLs and file names: lowercase ASCII letters, digits, `-` and `_`.
    public static func slug(_ text: String) -> String {
        let lowered = PersianText.asciiDigits(PersianText.normalize(text)).lowercased()
        let kept = lowered.map { ch -> Character in
            (ch.isASCII && (ch.isLetter || ch.isNumber || ch == "-" || ch == "_")) ? ch : "-"
        }
        let collapsed = String(kept).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return collapsed.isEmpty ? "book" : collapsed
    }
}
