import Foundation
import Testing
import TarazuTabular

/// Workbooks written by a real spreadsheet program. Skipped (with the reason shown in the test
/// report) when LibreOffice is not installed; `apt-get install libreoffice-calc-nogui` provides it.
@Suite("XLSX with LibreOffice", .enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not on PATH"))
struct XLSXLibreOfficeTests {
    /// A flat OpenDocument spreadsheet whose cell types are explicit: LibreOffice saves it as .xlsx.
    static let flatODS = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
         xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
         xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
         xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
         xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
         xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
         office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
         <office:automatic-styles>
          <number:date-style style:name="N1"><number:year number:style="long"/><number:text>/</number:text>\
        <number:month number:style="long"/><number:text>/</number:text><number:day number:style="long"/></number:date-style>
          <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
         </office:automatic-styles>
         <office:body><office:spreadsheet>
          <table:table table:name="regions">
           <table:table-row>
            <table:table-cell office:value-type="string"><text:p>region_code</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>name_fa</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>population</text:p></table:table-cell>
           </table:table-row>
           <table:table-row>
            <table:table-cell office:value-type="string"><text:p>01</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>منطقه‌یک &amp; مرکز</text:p></table:table-cell>
            <table:table-cell office:value-type="float" office:value="412345"><text:p>412345</text:p></table:table-cell>
           </table:table-row>
          </table:table>
          <table:table table:name="budget_lines">
           <table:table-row>
            <table:table-cell office:value-type="string"><text:p>year</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>approved</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>revised</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>resolution_date</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>doubled</text:p></table:table-cell>
           </table:table-row>
           <table:table-row>
            <table:table-cell office:value-type="float" office:value="1403"><text:p>1403</text:p></table:table-cell>
            <table:table-cell office:value-type="float" office:value="350000000000000000"><text:p>3.5E17</text:p></table:table-cell>
            <table:table-cell office:value-type="float" office:value="1234.5"><text:p>1234.5</text:p></table:table-cell>
            <table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2024-03-20">\
        <text:p>2024/03/20</text:p></table:table-cell>
            <table:table-cell table:formula="of:=[.C2]*2" office:value-type="float" office:value="2469"><text:p>2469</text:p></table:table-cell>
           </table:table-row>
           <table:table-row>
            <table:table-cell office:value-type="float" office:value="1404"><text:p>1404</text:p></table:table-cell>
            <table:table-cell/>
            <table:table-cell office:value-type="float" office:value="0.1"><text:p>0.1</text:p></table:table-cell>
           </table:table-row>
           <table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>
          </table:table>
         </office:spreadsheet></office:body>
        </office:document>
        """

    @Test func readsAWorkbookSavedByLibreOffice() throws {
        let data = try LibreOffice.convertToXLSX(fileNamed: "book.fods", contents: Data(Self.flatODS.utf8))
        let tables = try XLSXReader.read(data, source: "book.xlsx")
        #expect(tables == [
            RawTable(source: "book.xlsx[regions]", name: "regions", headerLine: 1,
                     header: ["region_code", "name_fa", "population"],
                     rows: [RawRow(line: 2, cells: ["01", "منطقه\u{200C}یک & مرکز", "412345"])]),
            RawTable(source: "book.xlsx[budget_lines]", name: "budget_lines", headerLine: 1,
                     header: ["year", "approved", "revised", "resolution_date", "doubled"],
                     rows: [
                         RawRow(line: 2, cells: ["1403", "350000000000000000", "1234.5", "2024-03-20", "2469"]),
                         RawRow(line: 3, cells: ["1404", "", "0.1", "", ""]),
                     ]),
        ])
    }

    @Test func libreOfficeOpensOurWorkbookAndKeepsItsValues() throws {
        let table = RawTable(source: "w.csv", name: "budget_lines", header: ["year", "line_id", "approved", "note"],
                             rows: [
                                 RawRow(line: 2, cells: ["1403", "007", "412345678901234567", "پارک & <باغ>"]),
                                 RawRow(line: 3, cells: ["1404", "L-2", "-2.5", "two\nlines"]),
                             ])
        let resaved = try LibreOffice.convertToXLSX(fileNamed: "ours.xlsx", contents: try XLSXWriter.write([table]))
        let tables = try XLSXReader.read(resaved, source: "resaved.xlsx")
        #expect(tables.map(\.name) == ["budget_lines"])
        #expect(tables.first?.header == table.header)
        #expect(tables.first?.rows == table.rows)
    }
}
