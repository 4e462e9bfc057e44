import Foundation

/// Drives a local LibreOffice (`soffice`) to produce or re-save files, when one is installed.
enum LibreOffice {
    /// The path of `soffice` or `libreoffice` found on PATH, or nil.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    struct ConversionFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Converts `input` with LibreOffice's `--convert-to xlsx` and returns the new file's bytes.
    static func convertToXLSX(fileNamed name: String, contents: Data) throws -> Data {
        guard let executable else { throw ConversionFailed(description: "LibreOffice is not installed") }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tarazu-lo-\(UUID().uuidString)", isDirectory: true)
        let output = directory.appendingPathComponent("out", isDirectory: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent(name)
        try contents.write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--norestore", "-env:UserInstallation=\(directory.appendingPathComponent("profile").absoluteString)",
                             "--convert-to", "xlsx", "--outdir", output.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let converted = output.appendingPathComponent((name as NSString).deletingPathExtension + ".xlsx")
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: converted.path) else {
            throw ConversionFailed(description: "soffice exited with \(process.terminationStatus) and wrote no file")
        }
        return data
    }
}
