import Foundation
import TarazuCore
import TarazuTabular

/// A datapackage.json: its resources with their Table Schemas, its fiscal model when it has one,
/// and the keys a Tarazu budget book adds (city, calendar, amount_unit).
public struct FiscalPackageDescriptor: Sendable {
    /// One resource (a table file) of the package.
    public struct Resource: Sendable {
        public struct ForeignKey: Sendable {
            public var fields: [String]
            public var resource: String
            public var referenceFields: [String]
        }

        public struct NumberFormat: Sendable {
            public var decimalChar: String = "."
            public var groupChar: String?

            /// Parses an amount written in this format, exactly.
            func parse(_ raw: String) throws(NumberText.Failure) -> Decimal {
                var text = raw
                if let groupChar, !groupChar.isEmpty { text = text.replacingOccurrences(of: groupChar, with: "") }
                if decimalChar != "." {
                    text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: decimalChar, with: ".")
                }
                return try NumberText.decimal(text)
            }
        }

        public var name: String
        public var path: String?
        public var format: String?
        public var fieldNames: [String]
        public var missingValues: [String]
        public var foreignKeys: [ForeignKey]
        /// Fiscal Data Package 1.0 column types by field name (`value`, `date:fiscal-year`, ...).
        public var columnTypes: [(field: String, type: String)]
        var numberFormats: [String: NumberFormat]

        func numberFormat(of field: String) -> NumberFormat { numberFormats[field] ?? NumberFormat() }
    }

    /// The file the descriptor was read from.
    public var url: URL
    public var name: String
    public var title: String?
    public var description: String?
    /// The Persian title and description (Tarazu's `title_fa` and `description_fa`).
    public var titleFa: String?
    public var descriptionFa: String?
    public var resources: [Resource]
    public var model: FiscalModel?
    public var cityFa: String?
    public var cityEn: String?
    public var calendar: String?
    public var amountUnit: String?

    var fileName: String { url.lastPathComponent }
    var folder: URL { url.deletingLastPathComponent() }

    /// Reads and checks a datapackage.json.
    public static func load(_ url: URL) throws(FiscalPackageError) -> FiscalPackageDescriptor {
        let file = url.lastPathComponent
        let object: [String: Any]
        do {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw FiscalPackageError(file: file, reason: "cannot read the descriptor: \(error.localizedDescription)")
            }
            do {
                try JSONSyntax.check(data, source: file)
            } catch {
                throw FiscalPackageError(file: file, line: error.line, column: error.column,
                                         reason: "the descriptor is not valid JSON: \(error.reason)")
            }
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw FiscalPackageError(file: file, reason: "the descriptor is not a JSON object")
            }
            object = parsed
        } catch let error as FiscalPackageError {
            throw error
        } catch {
            throw FiscalPackageError(file: file, reason: "cannot read the descriptor: \(error.localizedDescription)")
        }
        guard let resourceObjects = object["resources"] as? [[String: Any]], !resourceObjects.isEmpty else {
            throw FiscalPackageError(file: file, reason: "the package has no resources")
        }
        var resources: [Resource] = []
        for (index, spec) in resourceObjects.enumerated() {
            let name = spec["name"] as? String ?? "resource\(index + 1)"
            let schema = spec["schema"] as? [String: Any] ?? [:]
            let fields = schema["fields"] as? [[String: Any]] ?? []
            var formats: [String: Resource.NumberFormat] = [:]
            for field in fields {
                guard let fieldName = field["name"] as? String else { continue }
                var format = Resource.NumberFormat()
                if let decimal = field["decimalChar"] as? String { format.decimalChar = decimal }
                if let group = field["groupChar"] as? String { format.groupChar = group }
                formats[fieldName] = format
            }
            let keys = (schema["foreignKeys"] as? [[String: Any]] ?? []).compactMap { key -> Resource.ForeignKey? in
                guard let reference = key["reference"] as? [String: Any], let target = reference["resource"] as? String else { return nil }
                return Resource.ForeignKey(fields: stringList(key["fields"]), resource: target, referenceFields: stringList(reference["fields"]))
            }
            var path = spec["path"] as? String
            if path == nil, let paths = spec["path"] as? [String], paths.count == 1 { path = paths[0] }
            resources.append(Resource(name: name, path: path, format: spec["format"] as? String,
                                      fieldNames: fields.compactMap { $0["name"] as? String },
                                      missingValues: stringList(schema["missingValues"]), foreignKeys: keys,
                                      columnTypes: fields.compactMap { field in
                                          guard let name = field["name"] as? String, let type = field["columnType"] as? String else { return nil }
                                          return (name, type)
                                      },
                                      numberFormats: formats))
        }
        let modelObject = (object["model"] as? [String: Any]) ?? (object["mapping"] as? [String: Any])
        let model = try modelObject.map { object throws(FiscalPackageError) in try FiscalModel.parse(object, file: file) }
            ?? FiscalModel.fromColumnTypes(resources)
        let city = object["city"] as? [String: Any]
        return FiscalPackageDescriptor(url: url, name: object["name"] as? String ?? url.deletingLastPathComponent().lastPathComponent,
                                       title: object["title"] as? String, description: object["description"] as? String,
                                       titleFa: object["title_fa"] as? String, descriptionFa: object["description_fa"] as? String,
                                       resources: resources, model: model,
                                       cityFa: city?["name_fa"] as? String, cityEn: city?["name_en"] as? String,
                                       calendar: object["calendar"] as? String, amountUnit: object["amount_unit"] as? String)
    }

    private static func stringList(_ value: Any?) -> [String] {
        if let list = value as? [String] { return list }
        if let single = value as? String { return [single] }
        return []
    }

    /// Reads one resource's table from disk (CSV in `encoding`, or the first sheet of an XLSX).
    public func loadTable(_ resource: Resource, encoding: TextEncoding = .automatic) throws(TabularError) -> RawTable {
        guard let path = resource.path else {
            throw TabularError(source: fileName, reason: "resource \(resource.name) has no path (inline data is not supported)")
        }
        if path.contains("://") {
            throw TabularError(source: fileName, reason: "resource \(resource.name) points to a remote URL (\(path)); download it next to the descriptor and give a relative path")
        }
        let components = path.split(separator: "/")
        if path.hasPrefix("/") || components.contains("..") {
            throw TabularError(source: fileName, reason: "resource \(resource.name) path \(path) must be relative and stay inside the package folder")
        }
        let url = folder.appendingPathComponent(path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TabularError(source: path, reason: "cannot read the file of resource \(resource.name)")
        }
        if url.pathExtension.lowercased() == "xlsx" || resource.format?.lowercased() == "xlsx" {
            let sheets = try XLSXReader.read(data, source: path)
            guard let sheet = sheets.first(where: { $0.name == resource.name }) ?? sheets.first else {
                throw TabularError(source: path, reason: "the workbook has no sheets")
            }
            return sheet
        }
        return try CSVReader.read(data, source: path, name: resource.name, encoding: encoding)
    }
}
