import Testing
import TarazuHTML

/// Rendering: escaping of text and attribute values, void and self-closing elements, layouts.
@Suite struct HTMLNodeTests {
    static let hostile = "<script>alert('x')</script> \"q\" & \u{202E}rtl"

    @Test func textIsEscaped() {
        #expect(HTMLNode.text(Self.hostile).render()
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot; &amp; \u{202E}rtl")
        #expect(HTMLNode.element("p") { Self.hostile }.render().hasPrefix("<p>&lt;script&gt;"))
        let interpolated: HTMLNode = "a \(Self.hostile) b"
        #expect(interpolated.render() == "a " + htmlEscape(Self.hostile) + " b")
        #expect(htmlEscape("&amp;") == "&amp;amp;")
        // One Character each in Swift, but the quote still ends an attribute and "<" still opens markup.
        #expect(htmlEscape("\"\u{200C}x\"\u{301}<\u{301}") == "&quot;\u{200C}x&quot;\u{301}&lt;\u{301}")
    }

    @Test func attributeValuesAreEscapedAndKeepTheirOrder() {
        let node = HTMLNode.element("a", ["href": "/x?a=1&b=\"2\"", "title": "it's <b>", "data-n": 3]) { "t" }
        #expect(node.render() == "<a href=\"/x?a=1&amp;b=&quot;2&quot;\" title=\"it&#39;s &lt;b&gt;\" data-n=\"3\">t</a>")
    }

    @Test func booleanAndConditionalAttributes() {
        let input = HTMLNode.element("input", ["type": "text", "required": true, "checked": false, "dir": "ltr"])
        #expect(input.render() == "<input type=\"text\" required dir=\"ltr\">")
        let option = HTMLNode.element("option", ["value": "1"]) { "one" }
        #expect(option.attribute("aria-current", "pa\"ge").render() == "<option value=\"1\" aria-current=\"pa&quot;ge\">one</option>")
        #expect(option.attribute("aria-current", nil).render() == option.render())
        #expect(option.attribute("selected", true).render() == "<option value=\"1\" selected>one</option>")
        #expect(HTMLNode.text("x").attribute("id", "y").render() == "x")
    }

    @Test func voidElementsHaveNoEndTagAndNoContent() {
        #expect(HTMLNode.element("br").render() == "<br>")
        #expect(HTMLNode.line("meta", ["charset": "utf-8"]).render() == "<meta charset=\"utf-8\">\n")
        #expect(HTMLNode.line("meta", ["charset": "utf-8"]).render(.slashed) == "<meta charset=\"utf-8\" />\n")
        #expect(HTMLNode.element("input", ["type": "hidden"]) { "ignored" }.render() == "<input type=\"hidden\">")
        #expect(HTMLNode.element("p").render() == "<p></p>")
        #expect(HTMLNode.selfClosing("rect", ["x": "1", "fill": "#fff"]).render() == "<rect x=\"1\" fill=\"#fff\"/>")
    }

    @Test func layoutsWriteTheirNewlines() {
        let list = HTMLNode.block("ul", ["class": "links"]) {
            for item in ["a", "b"] { HTMLNode.line("li") { item } }
            HTMLNode.element("li")
        }
        #expect(list.render() == "<ul class=\"links\">\n<li>a</li>\n<li>b</li>\n<li></li></ul>\n")
        #expect(HTMLNode.group { HTMLNode.documentType; "\n"; "x" }.render() == "<!DOCTYPE html>\n\nx")
    }

    @Test func builderControlFlow() {
        func page(_ flag: Bool, _ name: String?) -> HTMLNode {
            .element("div") {
                if flag { "yes" } else { "no" }
                if let name { HTMLNode.element("b") { name } }
                HTMLNode.empty
            }
        }
        #expect(page(true, "<n>").render() == "<div>yes<b>&lt;n&gt;</b></div>")
        #expect(page(false, nil).render() == "<div>no</div>")
    }

    @Test func trustedMarkupIsWrittenAsItIs() {
        let node = HTMLNode.element("figure") { HTMLNode.trustedMarkup("<svg><title>a &amp; b</title></svg>") }
        #expect(node.render() == "<figure><svg><title>a &amp; b</title></svg></figure>")
    }
}
