import Foundation
import Testing
@testable import TarazuTabular

/// The XML reader of spreadsheet parts, on its own: what it hands the part readers, and what it refuses.
@Suite("XMLScanner")
struct XMLScannerTests {
    final class Recorder: XMLEventHandler {
        var events: [String] = []
        var failure: TabularError?
        var failOn: String?

        func startElement(_ name: Substring, attributes: [String: String]) {
            let listed = attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            events.append("<\(name)\(listed.isEmpty ? "" : " " + listed.joined(separator: " "))>")
            if String(name) == failOn { failure = TabularError(source: "book.xlsx", reason: "handler refused \(name)") }
        }

        func endElement(_ name: Substring) { events.append("</\(name)>") }

        func characters(_ text: String) {
            if case let last? = events.last, last.hasPrefix("text:") {
                events[events.count - 1] += text
            } else {
                events.append("text:" + text)
            }
        }
    }

    private func scan(_ xml: String) throws(TabularError) -> [String] {
        let recorder = Recorder()
        try XMLScanner.scan(Data(xml.utf8), part: "xl/part.xml", source: "book.xlsx", handler: recorder)
        return recorder.events
    }

    private func refusal(_ xml: String) -> String? {
        do {
            _ = try scan(xml)
            return nil
        } catch {
            #expect(error.source == "book.xlsx")
            #expect(error.reason.hasPrefix("xl/part.xml is not well-formed XML: "))
            return error.reason
        }
    }

    @Test func elementsAttributesAndTextAsRealProducersWriteThem() throws {
        let events = try scan("""
            \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
            <!-- written by hand --><x:sst xmlns:x="urn:main" count = '2'>\r
            <x:si><x:t xml:space="preserve"> a &amp; b &lt;c&gt; &#1575;&#x628; &quot;&apos;\r
            line</x:t></x:si><x:si><x:t><![CDATA[<raw> & ]]></x:t><empty a="tab\there"/></x:si></x:sst>
            """)
        #expect(events == [
            "<sst count=2 xmlns:x=urn:main>", "text:\n", "<si>", "<t xml:space=preserve>",
            "text: a & b <c> اب \"'\nline", "</t>", "</si>", "<si>", "<t>", "text:<raw> & ", "</t>",
            "<empty a=tab here>", "</empty>", "</si>", "</sst>",
        ])
    }

    /// Found by Fuzz/FuzzXLSX in CI: FoundationXML's `XMLParser` passed the missing data of
    /// `<?target?>` to `strlen` and the process died; here it is skipped like any instruction.
    @Test func processingInstructionsWithoutDataAreSkipped() throws {
        #expect(try scan("<?a?><r><?b?>x<?c d?></r><?e?>") == ["<r>", "text:x", "</r>"])
    }

    @Test func utf16PartsAreRead() throws {
        var data = Data([0xFF, 0xFE])
        for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r v=\"ب\">ت</r>".utf16 {
            data.append(UInt8(unit & 0xFF))
            data.append(UInt8(unit >> 8))
        }
        let recorder = Recorder()
        try XMLScanner.scan(data, part: "xl/part.xml", source: "book.xlsx", handler: recorder)
        #expect(recorder.events == ["<r v=ب>", "text:ت", "</r>"])
    }

    @Test func malformedPartsAreRefusedWithTheirPlace() {
        let cases: [(String, String)] = [
            ("<r><a></r>", "closing tag </r> where </a> was expected at line 1, column 7"),
            ("<r>\n<a>", "ends before </a>"),
            ("<r/><s/>", "a second root element"),
            ("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>", "document type"),
            ("<r>&e;</r>", "unknown entity &e;"),
            ("<r>&#0;</r>", "&#0; is not a character"),
            ("<r>&#xD800;</r>", "is not a character"),
            ("<r>a & b</r>", "does not start a reference"),
            ("<r a=\"1\" a=\"2\"/>", "attribute a appears twice"),
            ("<r a=1/>", "not quoted"),
            ("<r a=\"<\"/>", "inside an attribute value"),
            ("<r a=\"1\"b=\"2\"/>", "not separated by white space"),
            ("x<r/>", "text outside the root element"),
            ("<r></r>\n\ttrailing", "text outside the root element at line 2"),
            ("<!-- never closed <r/>", "a comment that never ends"),
            ("<r><![CDATA[open</r>", "a CDATA section that never ends"),
            ("<r", "a tag that is never closed"),
            ("</r>", "without an opening tag"),
            ("< r/>", "does not start a tag"),
            ("", "no root element"),
            (String(repeating: "<a>", count: 300), "nested more than 256 deep"),
        ]
        for (xml, expected) in cases {
            let reason = refusal(xml)
            #expect(reason?.contains(expected) == true, "\(xml.prefix(40)): \(reason ?? "accepted")")
        }
    }

    @Test func invalidUTF8IsRefusedBeforeParsing() {
        let recorder = Recorder()
        #expect(throws: TabularError.self) {
            try XMLScanner.scan(Data([0x3C, 0x72, 0xC3, 0x28, 0x2F, 0x3E]), part: "xl/part.xml", source: "book.xlsx",
                                handler: recorder)
        }
        #expect(recorder.events.isEmpty)
    }

    @Test func aHandlerFailureStopsTheScan() {
        let recorder = Recorder()
        recorder.failOn = "b"
        #expect(throws: TabularError(source: "book.xlsx", reason: "handler refused b")) {
            try XMLScanner.scan(Data("<r><a/><b/><c/></r>".utf8), part: "xl/part.xml", source: "book.xlsx",
                                handler: recorder)
        }
        #expect(recorder.events == ["<r>", "<a>", "</a>", "<b>"])
    }
}
