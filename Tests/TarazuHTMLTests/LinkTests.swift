import Testing
import TarazuHTML

/// Links: path segments and query items are percent-encoded, so data cannot add a segment, a
/// parameter or a fragment, and the rendered attribute is escaped as well.
@Suite struct LinkTests {
    @Test func segmentsAreEncoded() {
        let link = Link(path: "/books").appending(segment: "a b/c?d#e&f=%g\u{202E}").appending(path: "/history")
        #expect(link.description == "/books/a%20b%2Fc%3Fd%23e&f=%25g%E2%80%AE/history")
        #expect(Link(path: "/books").appending(segment: "تبریز").description == "/books/%D8%AA%D8%A8%D8%B1%DB%8C%D8%B2")
        #expect(PercentEncoding.pathSegment("x'y\"z<") == "x'y%22z%3C")
    }

    @Test func queryItemsAreEncoded() {
        let link: Link = "/admin/audit"
        #expect(link.description == "/admin/audit")
        let hostile = link.adding("lang", "en").adding([("page", "2&lang=fa\"><b>#x?y%20+\u{202E}")])
        #expect(hostile.description == "/admin/audit?lang=en&page=2%26lang%3Dfa%22%3E%3Cb%3E%23x%3Fy%2520%2B%E2%80%AE")
        #expect(Link(path: "/x").adding("a=b", "-._~").description == "/x?a%3Db=-._~")
        #expect(Link(path: "/x").adding("q", "شهر").description == "/x?q=%D8%B4%D9%87%D8%B1")
    }

    @Test func aLinkIsAnEscapedAttributeValue() {
        let link = Link(path: "/pb").appending(segment: "p\"q").adding([("lang", "en"), ("kiosk", "1")])
        #expect(HTMLNode.element("a", ["href": link]) { "x" }.render() == "<a href=\"/pb/p%22q?lang=en&amp;kiosk=1\">x</a>")
    }
}
