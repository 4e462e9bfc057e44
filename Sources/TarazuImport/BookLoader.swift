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
    /// Reads the input at `url`. `name` overrides the book's name; `encoding` is the encoding of its
    /// CSV tables (detected by default; workbooks, JSON and the side files are always UTF-8).
    public static func load(_ url: URL, name: String? = nil, encoding: TextEncoding = .automatic) throws(InputRejected) -> LoadedInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw reject(url.path, "no such file or folder")
        }
        if isDirectory.boolValue { return try loadFolder(url, name: name, encoding: encoding) }
        switch url.pathExtension.lowercased() {
        case "json" where url.lastPathComponent.lowercased() == "datapackage.json":
            return try loadPackage(url, name: name, encoding: encoding)
        case "json":
            return try loadJSON(url, name: name)
        case "xlsx":
            return try loadWorkbook(url, name: name)
        case "csv", "tsv", "txt":
            return try loadLoneTable(url, name: name, encoding: encoding)
        case "zip":
            let (folder, root) = try BookArchive.extract(url)
            defer { try? FileManager.default.removeItem(at: root) }
            return try loadFolder(folder, name: name, encoding: encoding)
        default:
            throw reject(url.lastPathComponent, "unsupported file type: give a book folder, a .zip of one, a datapackage.json, a .csv, a .xlsx or a .json")
        }
    }

    private static func reject(_ file: String, _ reason: String) -> InputRejected {
        InputRejected([Diagnostic(.error, file: file, reason: reason)])
    }

    private static func loadFolder(_ url: URL, name: String?, encoding: TextEncoding) throws(InputRejected) -> LoadedInput {
        let descriptor = url.appendingPathComponent("datapackage.json")
        if FileManager.default.fileExists(atPath: descriptor.path) { return try loadPackage(descriptor, name: name, encoding: encoding) }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        var tables: [BookTable: RawTable] = [:]
        var otherFiles: [String] = []
        for file in files where ["csv", "tsv", "txt"].contains((file as NSString).pathExtension.lowercased()) {
            guard let table = BookTable.named(file) else {
                otherFiles.append(file)
                continue
            }
            tables[table] = try readCSV(url.appendingPathComponent(file), source: file, name: table.rawValue, encoding: encoding)
        }
        // In a book with entities, the other tables may be entities' sources-and-uses tables.
        var others: [RawTable] = []
        if tables[.entities] != nil {
            for file in otherFiles {
                others.append(try readCSV(url.appendingPathComponent(file), source: file, name: (file as NSString).deletingPathExtension,
                                          encoding: encoding))
            }
        }
        if tables.isEmpty {
            let books = files.filter { ["xlsx", "json"].contains(($0 as NSString).pathExtension.lowercased()) }
            if books.count == 1 { return try load(url.appendingPathComponent(books[0]), name: name, encoding: encoding) }
            throw reject(url.lastPathComponent, "no datapackage.json and no budget-book tables (budget_lines.csv, regions.csv, ...) in this folder")
        }
        let metadata = BookMetadata(name: slug(name ?? url.lastPathComponent), title: name ?? url.lastPathComponent)
        return .book(noteLegacy(tables, encoding, in: try assemble(tables, metadata: metadata, folder: url, otherTables: others)))
    }

    private static func loadPackage(_ url: URL, name: String?, encoding: TextEncoding) throws(InputRejected) -> LoadedInput {
        let descriptor: FiscalPackageDescriptor
        do {
            descriptor = try FiscalPackageDescriptor.load(url)
        } catch {
            throw InputRejected([error.diagnostic])
        }
        let bookResources = descriptor.resources.compactMap { resource in BookTable.named(resource.name).map { ($0, resource) } }
        guard bookResources.contains(where: { $0.0 == .budgetLines }) else {
            return .fiscalPackage(try FiscalPackageReader.read(descriptorAt: url, encoding: encoding))
        }
        var metadata = BookMetadata(name: slug(name ?? descriptor.name), title: descriptor.title ?? descriptor.name,
                                    cityFa: descriptor.cityFa, cityEn: descriptor.cityEn, description: descriptor.description,
                                    titleFa: descriptor.titleFa.map(PersianText.normalize), descriptionFa: descriptor.descriptionFa.map(PersianText.normalize))
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
                tables[table] = try descriptor.loadTable(resource, encoding: encoding)
            } catch {
                problems += error.diagnostics()
            }
        }
        if !problems.isEmpty { throw InputRejected(problems) }
        let folder = url.deletingLastPathComponent()
        let governancePath = descriptor.resources.first { $0.name == "governance" }?.path
        let mapPath = descriptor.resources.first { $0.name == "regions_map" }?.path
        return .book(noteLegacy(tables, encoding, in: try assemble(tables, metadata: metadata, folder: folder,
                                                                   governancePath: governancePath ?? BudgetBookWriter.governanceFile,
                                                                   mapPath: mapPath ?? RegionMapCheck.fileName,
                                                                   descriptor: descriptor.fileName)))
    }

    private static func loadWorkbook(_ url: URL, name: String?) throws(InputRejected) -> LoadedInput {
        let file = url.lastPathComponent
        let data = try readData(url)
        let sheets: [RawTable]
        do {
            sheets = try XLSXReader.read(data, source: file)
        } catch {
            throw InputRejected(error.diagnostics())
        }
        var tables: [BookTable: RawTable] = [:]
        var settings: [String: String] = [:]
        var others: [RawTable] = []
        var governance: String?
        for sheet in sheets {
            if let table = BookTable.named(sheet.name) {
                tables[table] = sheet
            } else if PersianText.key(sheet.name) == "governance" {
                // governance.yaml, one line per row (EntityWorkbookWriter writes it so).
                governance = sheet.rows.map { $0.cells.first ?? "" }.joined(separator: "\n") + "\n"
            } else if ["metadata", "datapackage", "مشخصات"].contains(PersianText.key(sheet.name)) {
                for row in sheet.rows where row.cells.count >= 2 { settings[PersianText.key(row.cells[0])] = PersianText.normalize(row.cells[1]) }
                if sheet.header.count >= 2 { settings[PersianText.key(sheet.header[0])] = PersianText.normalize(sheet.header[1]) }
            } else {
                others.append(sheet)
            }
        }
        let metadata = try metadata(from: settings, file: file, fallbackName: name ?? url.deletingPathExtension().lastPathComponent)
        if let governance {
            return .book(try BookAssembler.assemble(tables, metadata: metadata, governanceYAML: governance, governanceFile: "\(file)[governance]",
                                                    otherTables: tables[.entities] == nil ? [] : others))
        }
        return .book(try assemble(tables, metadata: metadata, folder: url.deletingLastPathComponent(),
                                  otherTables: tables[.entities] == nil ? [] : others))
    }

    private static func loadJSON(_ url: URL, name: String?) throws(InputRejected) -> LoadedInput {
        let file = url.lastPathComponent
        let data = try readData(url)
        let tablesRead: [RawTable]
        do {
            tablesRead = try JSONTableReader.read(data, source: file)
        } catch {
            throw InputRejected(error.diagnostics(characterColumns: true))
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
        return .book(try assemble(tables, metadata: metadata, folder: url.deletingLastPathComponent()))
    }

    private static func loadLoneTable(_ url: URL, name: String?, encoding: TextEncoding) throws(InputRejected) -> LoadedInput {
        let file = url.lastPathComponent
        var table = try readCSV(url, source: file, name: file, encoding: encoding)
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
        return .book(noteLegacy([kind: table], encoding, in: try BookAssembler.assemble([kind: table], metadata: metadata)))
    }

    private static func metadata(from settings: [String: String], file: String, fallbackName: String) throws(InputRejected) -> BookMetadata {
        var metadata = BookMetadata(name: slug(settings["name"] ?? fallbackName), title: settings["title"] ?? fallbackName,
                                    cityFa: settings["city_fa"], cityEn: settings["city_en"], description: settings["description"],
                                    titleFa: settings["title_fa"].map(PersianText.normalize), descriptionFa: settings["description_fa"].map(PersianText.normalize))
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

    private static func readCSV(_ url: URL, source: String, name: String, encoding: TextEncoding) throws(InputRejected) -> RawTable {
        let data = try readData(url)
        do {
            return try CSVReader.read(data, source: source, name: name, encoding: encoding)
        } catch {
            throw InputRejected(error.diagnostics())
        }
    }

    /// `outcome` with a warning for each table whose encoding was detected as Windows-1256: the one
    /// encoding guessed rather than read from the bytes, so the user is told.
    private static func noteLegacy(_ tables: [BookTable: RawTable], _ encoding: TextEncoding,
                                   in outcome: BookAssembler.Outcome) -> BookAssembler.Outcome {
        guard encoding == .automatic else { return outcome }
        var outcome = outcome
        for table in tables.values.sorted(by: { $0.source < $1.source }) where table.encoding == .windows1256 {
            outcome.warnings.append(Diagnostic(.warning, file: table.source,
                                               reason: "read as Windows-1256, since the file is not UTF-8; if that is wrong, "
                                                   + "state its encoding (tarazu import --encoding)"))
        }
        return outcome
    }

    /// Assembles `tables` with the side files found in `folder`: governance.yaml (declared facts) and
    /// regions.geojson (the regions' shapes, checked against the regions table).
    private static func assemble(_ tables: [BookTable: RawTable], metadata: BookMetadata, folder: URL,
                                 governancePath: String = BudgetBookWriter.governanceFile,
                                 mapPath: String = RegionMapCheck.fileName,
                                 descriptor: String? = nil, otherTables: [RawTable] = []) throws(InputRejected) -> BookAssembler.Outcome {
        var problems: [Diagnostic] = []
        var governance: String?
        var map: String?
        do {
            governance = try sideFile(governancePath, in: folder, descriptor: descriptor,
                                      limit: GovernanceCheck.maximumBytes)
        } catch {
            problems += error.diagnostics
        }
        do {
            map = try sideFile(mapPath, in: folder, descriptor: descriptor, limit: nil)
        } catch {
            problems += error.diagnostics
        }
        if !problems.isEmpty { throw InputRejected(problems) }
        return try BookAssembler.assemble(tables, metadata: metadata, governanceYAML: governance, regionsGeoJSON: map,
                                          governanceFile: governancePath, mapFile: mapPath, otherTables: otherTables)
    }

    /// The text of a side file (governance.yaml, regions.geojson), nil when there is none. A file that
    /// is there but cannot be read, is too large or is not UTF-8 is an error, located by line where it can be.
    private static func sideFile(_ path: String, in folder: URL, descriptor: String?, limit: Int?) throws(InputRejected) -> String? {
        let parts = path.split(separator: "/")
        if path.hasPrefix("/") || parts.contains("..") || path.contains("://") {
            throw reject(descriptor ?? path, "the path \(path) must be relative and stay inside the book folder")
        }
        let url = folder.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw reject(path, "is a folder, not a file") }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw reject(path, "cannot read the file: \(error.localizedDescription)")
        }
        if let limit, data.count > limit {
            throw reject(path, "the file has \(data.count) bytes; at most \(limit) are accepted")
        }
        do {
            return try TextFile.utf8(data, source: path)
        } catch {
            throw InputRejected(error.diagnostics(characterColumns: true))
        }
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
